package org.pyeongga.contest;

/** A field (분야) entries are filed under, e.g. {@code REGULATION} 규제혁신. */
public record ContestField(String code, String nameKo, String nameEn) {

    public String name(String language) {
        return "en".equals(language) ? nameEn : nameKo;
    }
}
