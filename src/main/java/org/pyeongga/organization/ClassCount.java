package org.pyeongga.organization;

/** How many institutions of one evaluation class (광역, 시, 군, 구, 중앙, …) a query found. */
public record ClassCount(String evaluationClass, long count) {

    public String labelKey() {
        return "institution.class." + evaluationClass;
    }
}
