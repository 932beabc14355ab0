package org.pyeongga.evaluation;

/**
 * The dated stages of a cycle, in the order VPS runs them (domain brief §4.2): institutions submit, view each other's
 * qualitative submissions, object, answer objections, the administrator rules, evidence is verified, panels score.
 */
public enum CycleStage {
    SUBMISSION("실적 제출", "Submission"),
    MUTUAL_VIEWING("상호열람", "Mutual viewing"),
    OBJECTION("이의신청", "Objections"),
    OBJECTION_ANSWER("검토의견", "Answers to objections"),
    RULING("이의 판정", "Ruling"),
    VERIFICATION("집합검증", "Evidence verification"),
    SCORING("정성평가", "Panel scoring");

    private final String korean;
    private final String english;

    CycleStage(String korean, String english) {
        this.korean = korean;
        this.english = english;
    }

    public String korean() {
        return korean;
    }

    public String english() {
        return english;
    }
}
