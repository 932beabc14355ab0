package org.pyeongga.organization;

import java.time.LocalDate;

/** A lineage link seen from one institution: the other institution, how they are related, and since when. */
public record LineageLink(InstitutionSummary other, ChangeType type, LocalDate effectiveOn) {}
