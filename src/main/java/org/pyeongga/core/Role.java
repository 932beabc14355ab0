package org.pyeongga.core;

/**
 * What a staff member may do for an institution. Shared by every module's permission policy; assigned by the
 * accounts module as memberships (user × institution × role).
 */
public enum Role {
    /** 시스템 관리자. */
    SYSTEM_ADMIN,
    /** 평가 주관 (MOIS, a province, ACRC). */
    PROGRAM_ADMIN,
    /** 기관 총괄. */
    INSTITUTION_COORDINATOR,
    /** 지표 담당자. */
    INDICATOR_OWNER,
    /** 평가위원 (may be external). */
    EVALUATOR,
    /** 적극행정위원회 위원. */
    COMMITTEE_MEMBER,
    /** 인사 담당. */
    HR_OFFICER,
    /** 감사 담당. */
    AUDIT_OFFICER;

    public String labelKey() {
        return "role." + name();
    }
}
