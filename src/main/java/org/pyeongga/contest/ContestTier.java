package org.pyeongga.contest;

/** An award tier (시상 등급) and how many are awarded, e.g. rank 1 {@code GRAND} 최우수 × 1. */
public record ContestTier(int rank, String code, String nameKo, String nameEn, int awardCount) {

    public String name(String language) {
        return "en".equals(language) ? nameEn : nameKo;
    }
}
