package org.pyeongga.voting.admin.web;

import org.pyeongga.voting.Ballot;
import org.pyeongga.voting.Ballots;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Looks up a ballot for the owners' pages with their permission policy applied (403 outside the area, 404 for another
 * institution's ballot, 403 for staff who only enter paper votes), and how many took part (a participation count,
 * never a count of choices: it is shown even while the tally is hidden).
 */
@Component
class BallotAdminFacts {

    private final Ballots ballots;
    private final BallotAdminPermissions permissions;
    private final JdbcClient jdbc;

    BallotAdminFacts(Ballots ballots, BallotAdminPermissions permissions, JdbcClient jdbc) {
        this.ballots = ballots;
        this.permissions = permissions;
        this.jdbc = jdbc;
    }

    /** A ballot the current person manages. */
    Ballot managed(long id) {
        permissions.requireArea();
        Ballot ballot = ballots.ballot(id);
        permissions.requireManage(id, ballot.ownerInstitutionId());
        return ballot;
    }

    /** A ballot the current person may enter paper votes for. */
    Ballot forPaperEntry(long id) {
        permissions.requireArea();
        Ballot ballot = ballots.ballot(id);
        permissions.requirePaperEntry(id, ballot.ownerInstitutionId());
        return ballot;
    }

    /** People who took part (web and paper), voided ones included. */
    long participants(Ballot ballot) {
        return jdbc.sql("select count(*) from voting_participation where ballot_id = :id").param("id", ballot.id())
                .query(Long.class).single();
    }
}
