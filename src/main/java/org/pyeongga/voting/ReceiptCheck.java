package org.pyeongga.voting;

import java.util.Locale;

/** What a receipt code tells anyone who has it: the ballot and whether the vote is counted or voided. Never the choice. */
public record ReceiptCheck(long ballotId, String titleKo, String titleEn, Status status) {

    public enum Status { COUNTED, VOIDED;
        public String labelKey() {
            return "voting.receipt." + name();
        }
    }

    public String title(Locale locale) {
        return Ballot.pick(locale, titleKo, titleEn);
    }
}
