package org.pyeongga.organization;

import java.time.LocalDate;
import java.util.List;

/** Institutions changed on a date: predecessors ended (or continued) and successors started. */
public record InstitutionsReorganized(
        ChangeType type, LocalDate effectiveOn, List<Long> predecessorIds, List<Long> successorIds)
        implements org.pyeongga.core.AboutInstitutions {

    @Override
    public List<Long> institutionIds() {
        return java.util.stream.Stream.concat(predecessorIds.stream(), successorIds.stream()).toList();
    }
}
