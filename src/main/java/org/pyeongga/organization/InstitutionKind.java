package org.pyeongga.organization;

import java.util.Arrays;
import java.util.Optional;

/** The legal kind of an institution (특별시 … 자치구, 중앙행정기관, 교육청, 공공기관); it fixes the level. */
public enum InstitutionKind {
    SPECIAL_CITY("특별시", InstitutionLevel.METROPOLITAN),
    METROPOLITAN_CITY("광역시", InstitutionLevel.METROPOLITAN),
    SPECIAL_SELF_GOVERNING_CITY("특별자치시", InstitutionLevel.METROPOLITAN),
    PROVINCE("도", InstitutionLevel.METROPOLITAN),
    SPECIAL_SELF_GOVERNING_PROVINCE("특별자치도", InstitutionLevel.METROPOLITAN),
    /** A merged 광역 such as the planned 전남광주통합특별시. */
    INTEGRATED_SPECIAL_CITY("통합특별시", InstitutionLevel.METROPOLITAN),
    CITY("시", InstitutionLevel.BASIC),
    COUNTY("군", InstitutionLevel.BASIC),
    /** 자치구. */
    DISTRICT("구", InstitutionLevel.BASIC),
    CENTRAL_AGENCY("중앙행정기관", InstitutionLevel.CENTRAL),
    EDUCATION_OFFICE("교육청", InstitutionLevel.EDUCATION),
    PUBLIC_INSTITUTION("공공기관", InstitutionLevel.PUBLIC),
    OTHER("기타", InstitutionLevel.OTHER);

    private final String koreanName;
    private final InstitutionLevel level;

    InstitutionKind(String koreanName, InstitutionLevel level) {
        this.koreanName = koreanName;
        this.level = level;
    }

    public InstitutionLevel level() {
        return level;
    }

    /** The Korean word used in official data (the seed file's {@code kind} column, 행정표준코드's 기관유형). */
    public String koreanName() {
        return koreanName;
    }

    public String labelKey() {
        return "institution.kind." + name();
    }

    /** The evaluation class used by MOIS: 광역, 시, 군, 구 (others: their level). */
    public String evaluationClass() {
        return switch (this) {
            case CITY -> "CITY";
            case COUNTY -> "COUNTY";
            case DISTRICT -> "DISTRICT";
            default -> level.name();
        };
    }

    public static Optional<InstitutionKind> fromKorean(String text) {
        String t = text.strip();
        return Arrays.stream(values())
                .filter(k -> k.koreanName.equals(t) || k.name().equalsIgnoreCase(t))
                .findFirst()
                .or(() -> switch (t) {
                    case "자치구" -> Optional.of(DISTRICT);
                    case "중앙", "중앙부처" -> Optional.of(CENTRAL_AGENCY);
                    case "시도교육청", "교육청·교육지원청" -> Optional.of(EDUCATION_OFFICE);
                    default -> Optional.empty();
                });
    }
}
