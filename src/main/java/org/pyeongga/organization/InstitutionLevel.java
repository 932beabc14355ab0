package org.pyeongga.organization;

/** The tier of an institution: 광역 and 기초 local governments, and the kinds that are not local governments. */
public enum InstitutionLevel {
    /** 광역자치단체 (시·도). */
    METROPOLITAN,
    /** 기초자치단체 (시·군·자치구). */
    BASIC,
    /** 중앙행정기관. */
    CENTRAL,
    /** 시·도 교육청. */
    EDUCATION,
    /** 공공기관. */
    PUBLIC,
    /** 기타. */
    OTHER;

    public boolean isLocalGovernment() {
        return this == METROPOLITAN || this == BASIC;
    }

    /** Message key of the Korean/English label. */
    public String labelKey() {
        return "institution.level." + name();
    }
}
