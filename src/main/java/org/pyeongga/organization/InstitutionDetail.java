package org.pyeongga.organization;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One institution with its history: predecessors and successors, the whole lineage in date order, its 기초 (for a
 * 광역, as of the date asked for), its parent (for institutions other than local governments) and its groups.
 */
public record InstitutionDetail(
        InstitutionSummary institution,
        @Nullable InstitutionSummary parent,
        List<LineageLink> predecessors,
        List<LineageLink> successors,
        List<InstitutionSummary> lineage,
        List<InstitutionSummary> members,
        List<EvaluationGroup> groups) {}
