package org.pyeongga.voting.admin.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pyeongga.voting.Ballot;
import org.pyeongga.voting.BallotSpec;
import org.pyeongga.voting.BallotSpec.OptionSpec;
import org.pyeongga.voting.BallotSpec.QuestionSpec;

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

    static final ZoneId KST = ZoneId.of("Asia/Seoul");

    /** A mistake in one field: the id of the input it concerns and the message (key and arguments). */
    public record Problem(String field, String key, List<Object> args) {
        Problem(String field, String key, Object... args) {
            this(field, key, List.of(args));
        }

        public Object[] arguments() {
            return args.toArray();
        }
    }

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

        @Nullable QuestionSpec toSpec(int i, List<Problem> problems) {
            String id = "question-" + i;
            Ballot.QuestionKind k = parse(Ballot.QuestionKind.class, kind, id + "-kind", problems);
            if (textKo.isBlank() || textEn.isBlank()) {
                problems.add(new Problem(id + (textKo.isBlank() ? "-ko" : "-en"), "ballotadmin.form.error.questionText", i + 1));
            }
            int max = 1;
            int length = 0;
            List<OptionSpec> opts = new ArrayList<>();
            if (k == Ballot.QuestionKind.SINGLE || k == Ballot.QuestionKind.MULTIPLE) {
                List<String> ko = optionLinesKo();
                List<String> en = optionLinesEn();
                if (ko.size() < 2 || ko.size() != en.size()) {
                    problems.add(new Problem(id + "-options-ko", "ballotadmin.form.error.questionOptions", i + 1));
                } else {
                    for (int o = 0; o < ko.size(); o++) {
                        opts.add(new OptionSpec(ko.get(o), en.get(o)));
                    }
                }
                if (k == Ballot.QuestionKind.MULTIPLE) {
                    Integer m = number(maxChoices, id + "-max", problems);
                    if (m != null && (m < 1 || m > Math.max(ko.size(), 1))) {
                        problems.add(new Problem(id + "-max", "ballotadmin.form.error.maxChoices", ko.size()));
                    }
                    max = m == null ? 1 : m;
                }
            }
            if (k == Ballot.QuestionKind.TEXT) {
                Integer m = number(maxLength, id + "-length", problems);
                if (m != null && (m < 1 || m > 2000)) {
                    problems.add(new Problem(id + "-length", "ballotadmin.form.error.maxLength"));
                }
                length = m == null ? 0 : m;
            }
            return k == null ? null : new QuestionSpec(k, textKo.strip(), textEn.strip(), required, max, length, opts);
        }
    }

    /** The form of an existing draft, as the owner typed it. */
    static BallotForm of(Ballot ballot) {
        BallotForm form = new BallotForm();
        form.ownerInstitutionId = ballot.ownerInstitutionId();
        form.kind = ballot.kind().name();
        form.countingRule = ballot.countingRule() == null ? "BORDA" : ballot.countingRule().name();
        form.maxChoices = ballot.kind() == Ballot.Kind.MULTIPLE ? String.valueOf(ballot.maxChoices()) : "";
        form.titleKo = ballot.titleKo();
        form.titleEn = ballot.titleEn();
        form.descriptionKo = ballot.descriptionKo();
        form.descriptionEn = ballot.descriptionEn();
        ballot.options().forEach(o -> form.options.add(new OptionLine(o.id(), o.labelKo(), o.labelEn())));
        for (Ballot.Question q : ballot.questions()) {
            QuestionLine line = new QuestionLine();
            line.kind = q.kind().name();
            line.textKo = q.labelKo();
            line.textEn = q.labelEn();
            line.required = q.required();
            line.maxChoices = q.kind() == Ballot.QuestionKind.MULTIPLE ? String.valueOf(q.maxChoices()) : "";
            line.maxLength = q.kind() == Ballot.QuestionKind.TEXT ? String.valueOf(q.maxLength()) : "500";
            line.optionsKo = String.join("\n", q.options().stream().map(Ballot.Option::labelKo).toList());
            line.optionsEn = String.join("\n", q.options().stream().map(Ballot.Option::labelEn).toList());
            form.questions.add(line);
        }
        form.eligibility = ballot.eligibility().name();
        form.regionCode = ballot.regionPrefix() == null ? "" : ballot.regionPrefix();
        form.opensAt = local(ballot.opensAt());
        form.closesAt = local(ballot.closesAt());
        form.visibility = ballot.visibility().name();
        return form;
    }

    /** An instant as the form's datetime-local value in Korean time, to the second. */
    static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, KST).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * Checks what a form can check on its own (every field at once, for the error summary) and adds the problems to
     * {@code problems}; returns the spec when there are none. {@link org.pyeongga.voting.Ballots} checks the rest.
     */
    @Nullable BallotSpec toSpec(long owner, List<Problem> problems) {
        Ballot.Kind k = parse(Ballot.Kind.class, kind, "kind", problems);
        Ballot.Eligibility who = parse(Ballot.Eligibility.class, eligibility, "eligibility", problems);
        Ballot.Visibility shown = parse(Ballot.Visibility.class, visibility, "visibility", problems);
        if (titleKo.isBlank()) {
            problems.add(new Problem("titleKo", "ballotadmin.form.error.titleKo"));
        }
        if (titleEn.isBlank()) {
            problems.add(new Problem("titleEn", "ballotadmin.form.error.titleEn"));
        }
        Instant opens = time(opensAt, "opensAt", problems);
        Instant closes = time(closesAt, "closesAt", problems);
        if (opens != null && closes != null && !closes.isAfter(opens)) {
            problems.add(new Problem("closesAt", "ballotadmin.form.error.closesBeforeOpens"));
        }
        if (who == Ballot.Eligibility.REGION && !regionCode.strip().matches("[0-9]{2,10}")) {
            problems.add(new Problem("regionCode", "ballotadmin.form.error.region"));
        }
        Ballot.CountingRule rule = null;
        int max = 1;
        List<OptionSpec> optionSpecs = new ArrayList<>();
        List<QuestionSpec> questionSpecs = new ArrayList<>();
        if (k == Ballot.Kind.SURVEY) {
            if (questions.isEmpty()) {
                problems.add(new Problem("add-question", "ballotadmin.form.error.noQuestions"));
            }
            for (int i = 0; i < questions.size(); i++) {
                QuestionSpec q = questions.get(i).toSpec(i, problems);
                if (q != null) {
                    questionSpecs.add(q);
                }
            }
        } else if (k != null) {
            List<OptionLine> filled = options.stream().filter(o -> !o.isBlank()).toList();
            if (filled.size() < 2) {
                problems.add(new Problem("add-option", "ballotadmin.form.error.fewOptions"));
            }
            for (int i = 0; i < options.size(); i++) {
                OptionLine o = options.get(i);
                if (o.isBlank()) {
                    continue;
                }
                if (o.labelKo.isBlank() || o.labelEn.isBlank()) {
                    problems.add(new Problem("option-" + i + (o.labelKo.isBlank() ? "-ko" : "-en"),
                            "ballotadmin.form.error.optionLabel", i + 1));
                }
                optionSpecs.add(new OptionSpec(o.labelKo.strip(), o.labelEn.strip()));
            }
            if (k == Ballot.Kind.MULTIPLE) {
                Integer m = number(maxChoices, "maxChoices", problems);
                if (m != null && (m < 1 || m > Math.max(filled.size(), 1))) {
                    problems.add(new Problem("maxChoices", "ballotadmin.form.error.maxChoices", filled.size()));
                }
                max = m == null ? 1 : m;
            }
            if (k == Ballot.Kind.RANKED) {
                rule = parse(Ballot.CountingRule.class, countingRule, "countingRule", problems);
            }
        }
        if (!problems.isEmpty() || k == null || who == null || shown == null || opens == null || closes == null) {
            return null;
        }
        return new BallotSpec(owner, k, rule, max, titleKo.strip(), titleEn.strip(), descriptionKo.strip(),
                descriptionEn.strip(), opens, closes, who, who == Ballot.Eligibility.REGION ? regionCode.strip() : null,
                who == Ballot.Eligibility.STAFF ? owner : null, shown, optionSpecs, questionSpecs);
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, String value, String field, List<Problem> problems) {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(field, "ballotadmin.form.error.choice"));
            return null;
        }
    }

    private static @Nullable Instant time(String value, String field, List<Problem> problems) {
        try {
            return LocalDateTime.parse(value.strip()).truncatedTo(ChronoUnit.SECONDS).atZone(KST).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, "ballotadmin.form.error." + field));
            return null;
        }
    }

    private static @Nullable Integer number(String value, String field, List<Problem> problems) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new Problem(field, "ballotadmin.form.error.number"));
            return null;
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
