package org.pyeongga.evaluation.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.evaluation.FrameworkEditor;
import org.pyeongga.evaluation.FrameworkIndicator;
import org.pyeongga.evaluation.GradeRuleSpec;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * The framework editor's pages for program administrators: programs and their cycles; a cycle's framework as the tree
 * 분야 → 항목 → 지표 with the forms that change a draft; the indicator form; the grade rule form; the version history.
 * Every change goes through {@link FrameworkEditor}, which checks the role and refuses a published framework.
 */
@Controller
@RequestMapping("/admin/evaluations/programs")
class FrameworkPages {

    private final FrameworkEditor editor;
    private final org.pyeongga.evaluation.Evaluations evaluations;
    private final org.pyeongga.organization.EvaluationGroups groups;

    FrameworkPages(FrameworkEditor editor, org.pyeongga.evaluation.Evaluations evaluations,
            org.pyeongga.organization.EvaluationGroups groups) {
        this.editor = editor;
        this.evaluations = evaluations;
        this.groups = groups;
    }

    @ModelAttribute("section")
    String section() {
        return "framework";
    }

    @GetMapping
    String programs(Model model) {
        model.addAttribute("programs", editor.programs());
        return "evaluation/framework/programs";
    }

    /** A refused change shows the page again with the reason, under the refusal's status (400, 409). */
    private static void refused(UserFacingException e, Model model) {
        model.addAttribute("error", e);
        var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (attributes instanceof org.springframework.web.context.request.ServletRequestAttributes servlet
                && servlet.getResponse() != null) {
            servlet.getResponse().setStatus(e.status().value());
        }
    }

    static final List<String> DONE = List.of("published", "reopened", "copied", "saved", "removed", "added", "rule",
            "created");

    private static String base(long programId, long cycleId) {
        return "/admin/evaluations/programs/" + programId + "/cycles/" + cycleId + "/framework";
    }

    private FrameworkEditor.Framework framework(long programId, long cycleId) {
        var framework = editor.framework(cycleId);
        if (framework.cycle().programId() != programId) {
            throw UserFacingException.notFound("evaluation.cycle.notFound", cycleId);
        }
        return framework;
    }

    @GetMapping("/{programId}/cycles/{cycleId}/framework")
    String framework(@PathVariable long programId, @PathVariable long cycleId,
            @RequestParam(required = false) @Nullable String done, Model model) {
        var framework = framework(programId, cycleId);
        model.addAttribute("framework", framework);
        model.addAttribute("base", base(programId, cycleId));
        model.addAttribute("done", done != null && DONE.contains(done) ? done : null);
        model.addAttribute("sources", editor.programs().stream().flatMap(p -> p.cycles().stream())
                .filter(c -> c.id() != cycleId && c.indicators() > 0).toList());
        return "evaluation/framework/framework";
    }

    /** Runs a change; on success back to the tree with a notice, on refusal the tree again with the reason. */
    private String change(long programId, long cycleId, String done, Model model, Runnable action) {
        try {
            action.run();
            return "redirect:" + base(programId, cycleId) + "?done=" + done;
        } catch (UserFacingException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            refused(e, model);
            return framework(programId, cycleId, null, model);
        }
    }

    @PostMapping("/{programId}/cycles/{cycleId}/framework/publish")
    String publish(@PathVariable long programId, @PathVariable long cycleId, Model model) {
        framework(programId, cycleId);
        return change(programId, cycleId, "published", model, () -> editor.publish(cycleId));
    }

    @PostMapping("/{programId}/cycles/{cycleId}/framework/reopen")
    String reopen(@PathVariable long programId, @PathVariable long cycleId,
            @RequestParam(required = false) @Nullable String reason, Model model) {
        framework(programId, cycleId);
        return change(programId, cycleId, "reopened", model, () -> editor.reopen(cycleId, reason));
    }

    @PostMapping("/{programId}/cycles/{cycleId}/framework/copy")
    String copy(@PathVariable long programId, @PathVariable long cycleId, @RequestParam long fromCycleId, Model model) {
        framework(programId, cycleId);
        return change(programId, cycleId, "copied", model, () -> editor.copyFrom(cycleId, fromCycleId));
    }

    @PostMapping("/{programId}/cycles/{cycleId}/framework/areas/rename")
    String renameArea(@PathVariable long programId, @PathVariable long cycleId, @RequestParam String area,
            @RequestParam(required = false) @Nullable String name, Model model) {
        framework(programId, cycleId);
        return change(programId, cycleId, "saved", model, () -> editor.renameArea(cycleId, area, name));
    }

    @PostMapping("/{programId}/cycles/{cycleId}/framework/areas/remove")
    String removeArea(@PathVariable long programId, @PathVariable long cycleId, @RequestParam String area, Model model) {
        framework(programId, cycleId);
        return change(programId, cycleId, "removed", model, () -> editor.removeArea(cycleId, area));
    }

    @PostMapping("/{programId}/cycles/{cycleId}/framework/items/rename")
    String renameItem(@PathVariable long programId, @PathVariable long cycleId, @RequestParam String area,
            @RequestParam String item, @RequestParam(required = false) @Nullable String name, Model model) {
        framework(programId, cycleId);
        return change(programId, cycleId, "saved", model, () -> editor.renameItem(cycleId, area, item, name));
    }

    @PostMapping("/{programId}/cycles/{cycleId}/framework/items/grading")
    String gradeItem(@PathVariable long programId, @PathVariable long cycleId, @RequestParam String area,
            @RequestParam String item, @RequestParam boolean graded, Model model) {
        framework(programId, cycleId);
        return change(programId, cycleId, "saved", model, () -> editor.gradeItem(cycleId, area, item, graded));
    }

    @PostMapping("/{programId}/cycles/{cycleId}/framework/items/remove")
    String removeItem(@PathVariable long programId, @PathVariable long cycleId, @RequestParam String area,
            @RequestParam String item, Model model) {
        framework(programId, cycleId);
        return change(programId, cycleId, "removed", model, () -> editor.removeItem(cycleId, area, item));
    }

    @PostMapping("/{programId}/cycles/{cycleId}/framework/indicators/{code}/remove")
    String removeIndicator(@PathVariable long programId, @PathVariable long cycleId, @PathVariable String code, Model model) {
        framework(programId, cycleId);
        return change(programId, cycleId, "removed", model, () -> editor.removeIndicator(cycleId, code));
    }

    // ---- a new cycle, its framework copied from another ------------------------------------------------------------

    /** The new-cycle form as typed: labels, years and period, target groups (id → ranking name), a cycle to copy. */
    record CycleForm(@Nullable String label, @Nullable String evaluationYear, @Nullable String performanceYear,
            @Nullable String half, @Nullable String periodFrom, @Nullable String periodTo, @Nullable Long fromCycleId) {}

    private String cycleForm(long programId, CycleForm form, List<Long> chosen, Map<String, String> names, Model model) {
        var program = editor.programs().stream().filter(p -> p.id() == programId).findFirst()
                .orElseThrow(() -> UserFacingException.notFound("evaluation.program.notFound", programId));
        model.addAttribute("program", program);
        model.addAttribute("form", form);
        model.addAttribute("groups", groups.all());
        model.addAttribute("chosen", chosen);
        model.addAttribute("names", names);
        model.addAttribute("sources", editor.programs().stream().flatMap(p -> p.cycles().stream())
                .filter(c -> c.indicators() > 0).toList());
        return "evaluation/framework/new-cycle";
    }

    @GetMapping("/{programId}/cycles/new")
    String newCycle(@PathVariable long programId, Model model) {
        var program = editor.programs().stream().filter(p -> p.id() == programId).findFirst()
                .orElseThrow(() -> UserFacingException.notFound("evaluation.program.notFound", programId));
        var last = program.cycles().stream().filter(c -> c.indicators() > 0).findFirst();
        int year = last.map(c -> c.evaluationYear() + 1).orElse(java.time.Year.now().getValue());
        return cycleForm(programId, new CycleForm("", String.valueOf(year), String.valueOf(year - 1), "",
                (year - 1) + "-01-01", (year - 1) + "-12-31", last.map(FrameworkEditor.CycleView::id).orElse(null)),
                List.of(), Map.of(), model);
    }

    @PostMapping("/{programId}/cycles")
    String createCycle(@PathVariable long programId, @ModelAttribute CycleForm form,
            @RequestParam(name = "group", required = false) @Nullable List<Long> chosen,
            @RequestParam Map<String, String> params, Model model) {
        List<Long> picked = chosen == null ? List.of() : chosen;
        Map<String, String> names = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("name-")) {
                names.put(k.substring(5), v);
            }
        });
        try {
            if (form.label() == null || form.label().isBlank() || form.label().strip().length() > 100) {
                throw UserFacingException.badInput("framework.cycle.label");
            }
            if (picked.isEmpty()) {
                throw UserFacingException.badInput("framework.cycle.groups");
            }
            int evaluationYear = year(form.evaluationYear());
            int performanceYear = year(form.performanceYear());
            Integer half = form.half() == null || form.half().isBlank() ? null : Integer.valueOf(form.half().strip());
            if (half != null && half != 1 && half != 2) {
                throw UserFacingException.badInput("framework.cycle.half");
            }
            String label = form.label().strip();
            if (editor.programs().stream().filter(p -> p.id() == programId).flatMap(p -> p.cycles().stream())
                    .anyMatch(c -> c.label().equals(label))) {
                throw UserFacingException.conflict("framework.cycle.duplicate", label);
            }
            java.time.LocalDate from;
            java.time.LocalDate to;
            try {
                from = java.time.LocalDate.parse(String.valueOf(form.periodFrom()));
                to = java.time.LocalDate.parse(String.valueOf(form.periodTo()));
            } catch (java.time.format.DateTimeParseException e) {
                throw UserFacingException.badInput("framework.cycle.period");
            }
            if (to.isBefore(from)) {
                throw UserFacingException.badInput("framework.cycle.period");
            }
            List<org.pyeongga.evaluation.NewCycle.TargetGroup> targets = new ArrayList<>();
            for (Long id : picked) {
                String name = names.getOrDefault(String.valueOf(id), "").strip();
                if (name.isEmpty() || name.length() > 40) {
                    throw UserFacingException.badInput("framework.cycle.groupName.invalid");
                }
                targets.add(new org.pyeongga.evaluation.NewCycle.TargetGroup(name, id));
            }
            GradeRuleSpec rule = new GradeRuleSpec("NONE", List.of(), null, true, Map.of(), null, null, List.of(), null,
                    List.of(), false);
            if (form.fromCycleId() != null) {
                var source = editor.framework(form.fromCycleId());
                if (source.indicators().isEmpty()) {
                    throw UserFacingException.badInput("framework.copy.empty", source.cycle().label());
                }
                rule = source.gradeRule();
            }
            long cycleId = evaluations.createCycle(programId, new org.pyeongga.evaluation.NewCycle(form.label().strip(),
                    evaluationYear, performanceYear, half, from, to, rule, targets));
            if (form.fromCycleId() != null) {
                editor.copyFrom(cycleId, form.fromCycleId());
            }
            return "redirect:" + base(programId, cycleId) + "?done=" + (form.fromCycleId() != null ? "copied" : "created");
        } catch (UserFacingException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            refused(e, model);
            return cycleForm(programId, form, picked, names, model);
        } catch (NumberFormatException e) {
            refused(UserFacingException.badInput("framework.cycle.half"), model);
            return cycleForm(programId, form, picked, names, model);
        }
    }

    private static int year(@Nullable String text) {
        try {
            int year = Integer.parseInt(String.valueOf(text).strip());
            if (year < 2000 || year > 2100) {
                throw UserFacingException.badInput("framework.cycle.year");
            }
            return year;
        } catch (NumberFormatException e) {
            throw UserFacingException.badInput("framework.cycle.year");
        }
    }

    // ---- the indicator form -----------------------------------------------------------------------------------------

    /** The indicator form as typed (numbers as text, so that a typo comes back with a message, not a binding error). */
    record IndicatorForm(@Nullable String code, @Nullable String area, @Nullable String item, @Nullable String name,
            @Nullable String kind, @Nullable String points, @Nullable String polarity, @Nullable String normalization,
            @Nullable String low, @Nullable String high, @Nullable String formula, @Nullable String inputA,
            @Nullable String inputB, @Nullable String target, @Nullable String cap, @Nullable String multiplier,
            @Nullable String panelKind, @Nullable Boolean itemGraded, @Nullable String evidence,
            @Nullable Boolean evidenceRequired, @Nullable String rubric) {

        static IndicatorForm blank(@Nullable String area, @Nullable String item) {
            return new IndicatorForm("", area, item, "", "QUANTITATIVE", "", "HIGHER_IS_BETTER", "MIN_MAX", "", "", "", "",
                    "", "", "", "", "", false, "", false, "");
        }

        static IndicatorForm of(FrameworkIndicator i) {
            return new IndicatorForm(i.code(), i.area(), i.item(), i.name(), i.kind(), plain(i.points()), i.polarity(),
                    i.normalization(), plain(i.low()), plain(i.high()), orEmpty(i.formula()), orEmpty(i.inputA()),
                    orEmpty(i.inputB()), plain(i.target()), plain(i.cap()), plain(i.multiplier()), orEmpty(i.panelKind()),
                    i.itemGraded(), orEmpty(i.evidence()), i.evidenceRequired(), orEmpty(i.rubric()));
        }

        FrameworkIndicator toIndicator() {
            return new FrameworkIndicator(orEmpty(code), orEmpty(area), orEmpty(item), orEmpty(name), orEmpty(kind),
                    number(points) == null ? BigDecimal.ZERO : number(points),
                    orEmpty(polarity), orEmpty(normalization), number(low),
                    number(high), emptyToNull(formula), emptyToNull(inputA), emptyToNull(inputB),
                    number(target), number(cap),
                    number(multiplier), emptyToNull(panelKind), Boolean.TRUE.equals(itemGraded),
                    emptyToNull(evidence), Boolean.TRUE.equals(evidenceRequired), emptyToNull(rubric));
        }

        private static @Nullable BigDecimal number(@Nullable String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return new BigDecimal(text.strip().replace(",", ""));
            } catch (NumberFormatException e) {
                throw UserFacingException.badInput("framework.number", text.strip());
            }
        }

        private static String plain(@Nullable BigDecimal value) {
            return value == null ? "" : value.stripTrailingZeros().toPlainString();
        }

        private static String orEmpty(@Nullable String s) {
            return s == null ? "" : s;
        }

        private static @Nullable String emptyToNull(@Nullable String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }

    static final List<String> KINDS = List.of("QUANTITATIVE", "QUALITATIVE", "BONUS", "PENALTY", "CITIZEN", "INPUT");
    static final List<String> NORMALIZATIONS = List.of("MIN_MAX", "Z_SCORE", "GOALPOSTS", "TARGET", "PERCENTILE_RANK",
            "FRACTION_OF", "SHARE_OF_TOTAL");
    static final List<String> FORMULAS = List.of("RATIO", "ACHIEVEMENT", "COUNT");
    static final List<String> PANELS = List.of("EXPERT", "CITIZEN", "CROSS");

    private String indicatorForm(long programId, long cycleId, IndicatorForm form, @Nullable String code, Model model) {
        var framework = framework(programId, cycleId);
        model.addAttribute("framework", framework);
        model.addAttribute("base", base(programId, cycleId));
        model.addAttribute("form", form);
        model.addAttribute("editing", code);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("normalizations", NORMALIZATIONS);
        model.addAttribute("formulas", FORMULAS);
        model.addAttribute("panels", PANELS);
        model.addAttribute("areas", framework.tree().stream().map(FrameworkEditor.Area::name).toList());
        model.addAttribute("items", framework.indicators().stream().map(FrameworkIndicator::item).distinct().toList());
        return "evaluation/framework/indicator";
    }

    @GetMapping("/{programId}/cycles/{cycleId}/framework/indicators/new")
    String newIndicator(@PathVariable long programId, @PathVariable long cycleId,
            @RequestParam(required = false) @Nullable String area, @RequestParam(required = false) @Nullable String item,
            Model model) {
        return indicatorForm(programId, cycleId, IndicatorForm.blank(area, item), null, model);
    }

    @PostMapping("/{programId}/cycles/{cycleId}/framework/indicators")
    String addIndicator(@PathVariable long programId, @PathVariable long cycleId, @ModelAttribute IndicatorForm form,
            Model model) {
        framework(programId, cycleId);
        try {
            editor.addIndicator(cycleId, form.toIndicator());
            return "redirect:" + base(programId, cycleId) + "?done=added";
        } catch (UserFacingException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            refused(e, model);
            return indicatorForm(programId, cycleId, form, null, model);
        }
    }

    @GetMapping("/{programId}/cycles/{cycleId}/framework/indicators/{code}")
    String editIndicator(@PathVariable long programId, @PathVariable long cycleId, @PathVariable String code, Model model) {
        var indicator = framework(programId, cycleId).indicator(code);
        if (indicator == null) {
            throw UserFacingException.notFound("framework.indicator.notFound", code);
        }
        return indicatorForm(programId, cycleId, IndicatorForm.of(indicator), code, model);
    }

    @PostMapping("/{programId}/cycles/{cycleId}/framework/indicators/{code}")
    String updateIndicator(@PathVariable long programId, @PathVariable long cycleId, @PathVariable String code,
            @ModelAttribute IndicatorForm form, Model model) {
        framework(programId, cycleId);
        try {
            editor.updateIndicator(cycleId, code, form.toIndicator());
            return "redirect:" + base(programId, cycleId) + "?done=saved#indicator-" + UriUtils.encode(code, "UTF-8");
        } catch (UserFacingException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            refused(e, model);
            return indicatorForm(programId, cycleId, form, code, model);
        }
    }

    // ---- the grade rule form ----------------------------------------------------------------------------------------

    /**
     * The grade rule as a form: an optional first layer "최우수 = rank 1 of each group", an optional award cap by rank
     * (e.g. 광역 5, 기초 6), and one main rule: percentile bands (with rounding and tie policy), fixed quotas per
     * group, or score cut-offs. Lists are typed as "label:number" pairs separated by commas.
     */
    record RuleForm(@Nullable String main, @Nullable String bands, @Nullable String rounding, @Nullable Boolean ties,
            @Nullable String quotas, @Nullable String winner, @Nullable String others, @Nullable String cuts,
            @Nullable String below, @Nullable Boolean topPerGroup, @Nullable String topLabel, @Nullable String awardCaps,
            @Nullable String awardLabel, @Nullable Boolean gradeItems) {

        static RuleForm of(GradeRuleSpec rule, List<String> groups) {
            List<GradeRuleSpec> layers = rule.kind().equals("LAYERS") ? rule.layers() : List.of(rule);
            boolean top = false;
            String topLabel = "최우수";
            String caps = "";
            String awardLabel = "포상";
            GradeRuleSpec main = layers.isEmpty() ? rule : layers.getLast();
            for (int k = 0; k < layers.size() - 1; k++) {
                var layer = layers.get(k);
                if (layer.kind().equals("QUOTAS") && layer.others() == null
                        && layer.quotas().values().stream().allMatch(c -> c == 1) && k == 0) {
                    top = true;
                    topLabel = layer.winner();
                } else if (layer.kind().equals("QUOTAS")) {
                    caps = pairs(layer.quotas());
                    awardLabel = layer.winner();
                }
            }
            return new RuleForm(main.kind(), main.bands().stream().map(b -> b.label() + ":" + b.upTo().stripTrailingZeros()
                    .toPlainString()).reduce((a, b) -> a + ", " + b).orElse(""), main.rounding() == null ? "FLOOR" : main.rounding(),
                    main.tiesTakeBetterGrade(), pairs(main.quotas()), main.winner() == null ? "" : main.winner(),
                    main.others() == null ? "" : main.others(), main.cuts().stream().map(c -> c.label() + ":"
                            + c.minimum().stripTrailingZeros().toPlainString()).reduce((a, b) -> a + ", " + b).orElse(""),
                    main.below() == null ? "" : main.below(), top, topLabel, caps, awardLabel,
                    rule.gradeItems() || main.gradeItems());
        }

        private static String pairs(Map<String, Integer> quotas) {
            return String.join(", ", quotas.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + ":" + e.getValue()).toList());
        }

        GradeRuleSpec toRule(List<String> groups) {
            boolean tiesBetter = Boolean.TRUE.equals(ties);
            boolean items = Boolean.TRUE.equals(gradeItems);
            GradeRuleSpec rule = switch (main == null ? "" : main) {
                case "BANDS" -> GradeRuleSpec.bands(parse(bands, "framework.rule.bands").entrySet().stream()
                        .map(e -> new GradeRuleSpec.Band(e.getKey(), e.getValue())).toList(),
                        java.math.RoundingMode.valueOf(rounding == null || !List.of("FLOOR", "HALF_UP", "CEILING").contains(rounding)
                                ? "FLOOR" : rounding), tiesBetter, items);
                case "QUOTAS" -> GradeRuleSpec.quotas(counts(quotas, "framework.rule.quotas"), text(winner),
                        others == null || others.isBlank() ? null : others.strip(), tiesBetter);
                case "CUTOFFS" -> new GradeRuleSpec("CUTOFFS", List.of(), null, tiesBetter, Map.of(), null, null,
                        parse(cuts, "framework.rule.cuts").entrySet().stream()
                                .map(e -> new GradeRuleSpec.Cut(e.getKey(), e.getValue())).toList(), text(below), List.of(), items);
                case "NONE" -> new GradeRuleSpec("NONE", List.of(), null, true, Map.of(), null, null, List.of(), null,
                        List.of(), false);
                default -> throw UserFacingException.badInput("framework.rule.kind");
            };
            List<GradeRuleSpec> layers = new ArrayList<>();
            if (Boolean.TRUE.equals(topPerGroup)) {
                Map<String, Integer> one = new LinkedHashMap<>();
                groups.forEach(g -> one.put(g, 1));
                layers.add(GradeRuleSpec.quotas(one, topLabel == null || topLabel.isBlank() ? "최우수" : topLabel.strip(), null,
                        tiesBetter));
            }
            if (awardCaps != null && !awardCaps.isBlank()) {
                layers.add(GradeRuleSpec.quotas(counts(awardCaps, "framework.rule.quotas"),
                        awardLabel == null || awardLabel.isBlank() ? "포상" : awardLabel.strip(), null, tiesBetter));
            }
            if (layers.isEmpty()) {
                return rule;
            }
            layers.add(rule);
            return new GradeRuleSpec("LAYERS", List.of(), null, tiesBetter, Map.of(), null, null, List.of(), null, layers, items);
        }

        private static String text(@Nullable String s) {
            return s == null ? "" : s.strip();
        }

        /** "가:0.1, 나:0.3" → ordered label → number; a malformed pair is refused with the form's message. */
        private static Map<String, BigDecimal> parse(@Nullable String text, String key) {
            Map<String, BigDecimal> pairs = new LinkedHashMap<>();
            if (text == null || text.isBlank()) {
                throw UserFacingException.badInput(key);
            }
            for (String part : text.split("[,\\n]")) {
                if (part.isBlank()) {
                    continue;
                }
                String[] kv = part.split("[:=]");
                if (kv.length != 2 || kv[0].isBlank()) {
                    throw UserFacingException.badInput(key);
                }
                try {
                    pairs.put(kv[0].strip(), new BigDecimal(kv[1].strip().replace("%", "")));
                } catch (NumberFormatException e) {
                    throw UserFacingException.badInput(key);
                }
            }
            return pairs;
        }

        private static Map<String, Integer> counts(@Nullable String text, String key) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            parse(text, key).forEach((label, n) -> {
                if (n.signum() < 0 || n.stripTrailingZeros().scale() > 0) {
                    throw UserFacingException.badInput(key);
                }
                counts.put(label, n.intValueExact());
            });
            return counts;
        }
    }

    private String ruleForm(long programId, long cycleId, RuleForm form, Model model) {
        var framework = framework(programId, cycleId);
        model.addAttribute("framework", framework);
        model.addAttribute("base", base(programId, cycleId));
        model.addAttribute("form", form);
        return "evaluation/framework/grade-rule";
    }

    @GetMapping("/{programId}/cycles/{cycleId}/framework/grade-rule")
    String gradeRule(@PathVariable long programId, @PathVariable long cycleId, Model model) {
        var framework = framework(programId, cycleId);
        return ruleForm(programId, cycleId, RuleForm.of(framework.gradeRule(), editor.groups(cycleId)), model);
    }

    @PostMapping("/{programId}/cycles/{cycleId}/framework/grade-rule")
    String saveGradeRule(@PathVariable long programId, @PathVariable long cycleId, @ModelAttribute RuleForm form,
            Model model) {
        framework(programId, cycleId);
        try {
            editor.setGradeRule(cycleId, form.toRule(editor.groups(cycleId)));
            return "redirect:" + base(programId, cycleId) + "?done=rule";
        } catch (UserFacingException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            refused(e, model);
            return ruleForm(programId, cycleId, form, model);
        }
    }

    // ---- versions ---------------------------------------------------------------------------------------------------

    @GetMapping("/{programId}/cycles/{cycleId}/framework/versions")
    String versions(@PathVariable long programId, @PathVariable long cycleId, Model model) {
        var framework = framework(programId, cycleId);
        model.addAttribute("framework", framework);
        model.addAttribute("base", base(programId, cycleId));
        var versions = editor.versions(cycleId);
        Map<Integer, FrameworkEditor.Snapshot> snapshots = new LinkedHashMap<>();
        versions.stream().filter(v -> v.action().equals("PUBLISHED"))
                .forEach(v -> snapshots.put(v.version(), editor.snapshot(cycleId, v.version())));
        model.addAttribute("versions", versions.reversed());
        model.addAttribute("snapshots", snapshots);
        return "evaluation/framework/versions";
    }
}
