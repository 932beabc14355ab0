package org.pyeongga.organization;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A recorded change on one date (명칭변경, 관할변경, 통합, 분리, 분구, 개편): the predecessors end the day before
 * {@code effectiveOn} (except for 분구), the new successors start on it, existing successors may be named, and every
 * predecessor is linked to every successor. With {@code carryMembers}, the open 기초 of merged 광역 move to the new
 * 광역 (new rows, linked as MOVED).
 */
public record Reorganization(
        ChangeType type,
        LocalDate effectiveOn,
        List<Long> predecessorIds,
        List<NewInstitution> newSuccessors,
        List<Long> existingSuccessorIds,
        boolean carryMembers,
        @Nullable String note) {

    public Reorganization {
        predecessorIds = List.copyOf(predecessorIds);
        newSuccessors = List.copyOf(newSuccessors);
        existingSuccessorIds = List.copyOf(existingSuccessorIds);
    }
}
