package org.pyeongga.voting.admin.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the owner types on the ballot form, kept as typed (strings) so that a refused save shows every field again.
 * Bound by Spring from {@code options[0].labelKo}, {@code questions[1].kind} and so on.
 */
public class BallotForm {

    private @Nullable Long ownerInstitutionId;
    private String kind = "SINGLE";
    private String countingRule = "BORDA";
    private String maxChoices = "";
    private String titleKo = "";
    private String titleEn = "";
    private String descriptionKo = "";
    private String descriptionEn = "";
    private List<OptionLine> options = new ArrayList<>();
    private List<QuestionLine> questions = new ArrayList<>();
    private String eligibility = "VERIFIED";
    private String regionCode = "";
    private String opensAt = "";
    private String closesAt = "";
    private String visibility = "HIDDEN_UNTIL_PUBLISHED";

    /** A new ballot: two empty options to start from. */
    static BallotForm blank() {
        BallotForm form = new BallotForm();
        form.options.add(new OptionLine());
        form.options.add(new OptionLine());
        return form;
    }

    /** One option (후보·보기) in Korean and English. */
    public static class OptionLine {
        private @Nullable Long id;
        private String labelKo = "";
        private String labelEn = "";

        public OptionLine() {}

        OptionLine(@Nullable Long id, String labelKo, String labelEn) {
            this.id = id;
            this.labelKo = labelKo;
            this.labelEn = labelEn;
        }

        public @Nullable Long getId() { return id; }
        public void setId(@Nullable Long id) { this.id = id; }
        public String getLabelKo() { return labelKo; }
        public void setLabelKo(@Nullable String labelKo) { this.labelKo = labelKo == null ? "" : labelKo; }
        public String getLabelEn() { return labelEn; }
        public void setLabelEn(@Nullable String labelEn) { this.labelEn = labelEn == null ? "" : labelEn; }

        boolean isBlank() {
            return labelKo.isBlank() && labelEn.isBlank();
        }
    }

    /** One survey question: its type, text, whether it must be answered, its options (one per line) or length limit. */
    public static class QuestionLine {
        private String kind = "SINGLE";
        private String textKo = "";
        private String textEn = "";
        private boolean required;
        private String maxChoices = "";
        private String maxLength = "500";
        private String optionsKo = "";
        private String optionsEn = "";

        public String getKind() { return kind; }
        public void setKind(@Nullable String kind) { this.kind = kind == null ? "SINGLE" : kind; }
        public String getTextKo() { return textKo; }
        public void setTextKo(@Nullable String textKo) { this.textKo = textKo == null ? "" : textKo; }
        public String getTextEn() { return textEn; }
        public void setTextEn(@Nullable String textEn) { this.textEn = textEn == null ? "" : textEn; }
        public boolean isRequired() { return required; }
        public void setRequired(boolean required) { this.required = required; }
        public String getMaxChoices() { return maxChoices; }
        public void setMaxChoices(@Nullable String maxChoices) { this.maxChoices = maxChoices == null ? "" : maxChoices; }
        public String getMaxLength() { return maxLength; }
        public void setMaxLength(@Nullable String maxLength) { this.maxLength = maxLength == null ? "" : maxLength; }
        public String getOptionsKo() { return optionsKo; }
        public void setOptionsKo(@Nullable String optionsKo) { this.optionsKo = optionsKo == null ? "" : optionsKo; }
        public String getOptionsEn() { return optionsEn; }
        public void setOptionsEn(@Nullable String optionsEn) { this.optionsEn = optionsEn == null ? "" : optionsEn; }

        /** The Korean option labels, one per non-empty line. */
        List<String> optionLinesKo() {
            return lines(optionsKo);
        }

        List<String> optionLinesEn() {
            return lines(optionsEn);
        }
    }

    static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /**
     * Applies an edit button (add, remove, move up or down an option or question); returns false for "save" or an
     * unknown action. Buttons are named {@code action} with values such as {@code removeOption:2}.
     */
    boolean applyEdit(@Nullable String action) {
        if (action == null || action.isBlank() || action.equals("save")) {
            return false;
        }
        String[] parts = action.split(":", 2);
        int index = -1;
        if (parts.length == 2) {
            try {
                index = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        switch (parts[0]) {
            case "addOption" -> options.add(new OptionLine());
            case "addQuestion" -> questions.add(new QuestionLine());
            case "removeOption" -> remove(options, index);
            case "removeQuestion" -> remove(questions, index);
            case "upOption" -> swap(options, index, index - 1);
            case "downOption" -> swap(options, index, index + 1);
            case "upQuestion" -> swap(questions, index, index - 1);
            case "downQuestion" -> swap(questions, index, index + 1);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static <T> void remove(List<T> list, int index) {
        if (index >= 0 && index < list.size()) {
            list.remove(index);
        }
    }

    private static <T> void swap(List<T> list, int a, int b) {
        if (a >= 0 && b >= 0 && a < list.size() && b < list.size()) {
            T t = list.get(a);
            list.set(a, list.get(b));
            list.set(b, t);
        }
    }

    public @Nullable Long getOwnerInstitutionId() { return ownerInstitutionId; }
    public void setOwnerInstitutionId(@Nullable Long ownerInstitutionId) { this.ownerInstitutionId = ownerInstitutionId; }
    public String getKind() { return kind; }
    public void setKind(@Nullable String kind) { this.kind = kind == null ? "SINGLE" : kind; }
    public String getCountingRule() { return countingRule; }
    public void setCountingRule(@Nullable String countingRule) { this.countingRule = countingRule == null ? "BORDA" : countingRule; }
    public String getMaxChoices() { return maxChoices; }
    public void setMaxChoices(@Nullable String maxChoices) { this.maxChoices = maxChoices == null ? "" : maxChoices; }
    public String getTitleKo() { return titleKo; }
    public void setTitleKo(@Nullable String titleKo) { this.titleKo = titleKo == null ? "" : titleKo; }
    public String getTitleEn() { return titleEn; }
    public void setTitleEn(@Nullable String titleEn) { this.titleEn = titleEn == null ? "" : titleEn; }
    public String getDescriptionKo() { return descriptionKo; }
    public void setDescriptionKo(@Nullable String descriptionKo) { this.descriptionKo = descriptionKo == null ? "" : descriptionKo; }
    public String getDescriptionEn() { return descriptionEn; }
    public void setDescriptionEn(@Nullable String descriptionEn) { this.descriptionEn = descriptionEn == null ? "" : descriptionEn; }
    public List<OptionLine> getOptions() { return options; }
    public void setOptions(@Nullable List<OptionLine> options) { this.options = options == null ? new ArrayList<>() : new ArrayList<>(options); }
    public List<QuestionLine> getQuestions() { return questions; }
    public void setQuestions(@Nullable List<QuestionLine> questions) { this.questions = questions == null ? new ArrayList<>() : new ArrayList<>(questions); }
    public String getEligibility() { return eligibility; }
    public void setEligibility(@Nullable String eligibility) { this.eligibility = eligibility == null ? "VERIFIED" : eligibility; }
    public String getRegionCode() { return regionCode; }
    public void setRegionCode(@Nullable String regionCode) { this.regionCode = regionCode == null ? "" : regionCode; }
    public String getOpensAt() { return opensAt; }
    public void setOpensAt(@Nullable String opensAt) { this.opensAt = opensAt == null ? "" : opensAt; }
    public String getClosesAt() { return closesAt; }
    public void setClosesAt(@Nullable String closesAt) { this.closesAt = closesAt == null ? "" : closesAt; }
    public String getVisibility() { return visibility; }
    public void setVisibility(@Nullable String visibility) { this.visibility = visibility == null ? "HIDDEN_UNTIL_PUBLISHED" : visibility; }
}
