package org.pyeongga.evaluation;

/**
 * One computed phrase about an institution's grades across cycles, e.g. "2년 연속 우수" or "한 단계 상승".
 *
 * @param code STREAK, FIRST, UP or DOWN
 * @param korean the phrase in Korean
 * @param english the phrase in English (grade labels stay as the program names them)
 */
public record HistoryPhrase(String code, String korean, String english) {

    /** The phrase in the page's language. */
    public String text(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? english : korean;
    }
}
