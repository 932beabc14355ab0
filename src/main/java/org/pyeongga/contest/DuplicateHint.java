package org.pyeongga.contest;

/**
 * Two entries of one contest that look like the same thing: the same nominee (name and department) or nearly the same
 * title after normalising (spaces, punctuation, case). The manager decides with {@link Entries#markDuplicate}.
 *
 * @param similarity 0–100: how alike the titles are (100 for the same nominee or the same normalised title)
 */
public record DuplicateHint(long entryId, long earlierEntryId, Reason reason, int similarity) {

    public enum Reason {
        SAME_NOMINEE,
        SIMILAR_TITLE;

        public String labelKey() {
            return "contest.duplicate." + name();
        }
    }
}
