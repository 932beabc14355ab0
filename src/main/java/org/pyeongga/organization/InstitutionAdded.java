package org.pyeongga.organization;

/** An administrator added an institution by hand. */
public record InstitutionAdded(long institutionId, String name, InstitutionKind kind)
        implements org.pyeongga.core.AboutInstitutions {

    @Override
    public java.util.List<Long> institutionIds() {
        return java.util.List.of(institutionId);
    }
}
