package org.pyeongga.organization;

/** An administrator added an institution by hand. */
public record InstitutionAdded(long institutionId, String name, InstitutionKind kind) {}
