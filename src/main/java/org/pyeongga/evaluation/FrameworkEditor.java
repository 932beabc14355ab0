package org.pyeongga.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.CurrentActor;
import org.pyeongga.core.UserFacingException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The framework editor: a draft framework (분야 → 항목 → 지표) and its grade rule change freely; publishing freezes
 * both and keeps a versioned snapshot; a published framework can be reopened, with a reason and only before anything
 * was entered against it, as the next version; a framework can be copied from another cycle into a draft.
 */
@Service
public class FrameworkEditor {

    static final Set<String> KINDS = Set.of("QUANTITATIVE", "QUALITATIVE", "BONUS", "PENALTY", "CITIZEN", "INPUT");
    static final Set<String> FORMULAS = Set.of("RATIO", "ACHIEVEMENT", "COUNT");
    static final Set<String> PANELS = Set.of("EXPERT", "CITIZEN", "CROSS");
    static final Set<String> POLARITIES = Set.of("HIGHER_IS_BETTER", "LOWER_IS_BETTER");
    static final Set<String> ROUNDINGS = Set.of("FLOOR", "HALF_UP", "CEILING");

    private final FrameworkStore store;
    private final EvaluationPermissions permissions;
    private final CurrentActor actors;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;

    FrameworkEditor(FrameworkStore store, EvaluationPermissions permissions, CurrentActor actors,
            ApplicationEventPublisher events, JsonMapper json) {
        this.store = store;
        this.permissions = permissions;
        this.actors = actors;
        this.events = events;
        this.json = json;
    }

    /** A cycle as the editor lists it: its framework's version and whether it is published. */
    public record CycleView(long id, long programId, String programName, String label, int evaluationYear,
            int performanceYear, int version, @Nullable Instant publishedAt, int indicators) {

        public boolean published() {
            return publishedAt != null;
        }

        /** When it was published, in Korean time. */
        public String publishedAtText() {
            return publishedAt == null ? "" : SHOWN.format(publishedAt);
        }
    }

    /** Times are shown in Korean time whatever the server's zone. */
    static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(java.time.ZoneId.of("Asia/Seoul"));

    public record ProgramView(long id, String code, String name, @Nullable String nameEn, String cadence,
            List<CycleView> cycles) {}

    /** An item (항목) of the tree: its indicators, their points, and whether it is graded on its own. */
    public record Item(String name, boolean graded, BigDecimal points, List<FrameworkIndicator> indicators) {}

    public record Area(String name, BigDecimal points, List<Item> items) {}

    /** A cycle's framework: the tree, the flat list in order, and the grade rule. */
    public record Framework(CycleView cycle, GradeRuleSpec gradeRule, List<FrameworkIndicator> indicators) {

        public List<Area> tree() {
            Map<String, Map<String, List<FrameworkIndicator>>> areas = new LinkedHashMap<>();
            indicators.forEach(i -> areas.computeIfAbsent(i.area(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(i.item(), k -> new ArrayList<>()).add(i));
            List<Area> tree = new ArrayList<>();
            areas.forEach((area, items) -> {
                List<Item> list = new ArrayList<>();
                items.forEach((item, inds) -> list.add(new Item(item, inds.stream().anyMatch(FrameworkIndicator::itemGraded),
                        sum(inds), List.copyOf(inds))));
                tree.add(new Area(area, list.stream().map(Item::points).reduce(BigDecimal.ZERO, BigDecimal::add), list));
            });
            return tree;
        }

        public BigDecimal totalPoints() {
            return sum(indicators);
        }

        /** The entered inputs computed indicators may use. */
        public List<FrameworkIndicator> inputs() {
            return indicators.stream().filter(FrameworkIndicator::input).toList();
        }

        public @Nullable FrameworkIndicator indicator(String code) {
            return indicators.stream().filter(i -> i.code().equals(code)).findFirst().orElse(null);
        }

        private static BigDecimal sum(List<FrameworkIndicator> indicators) {
            return indicators.stream().filter(i -> !i.kind().equals("PENALTY") && !i.input()).map(FrameworkIndicator::points)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** What a published version froze. */
    public record Snapshot(int version, GradeRuleSpec gradeRule, List<FrameworkIndicator> indicators) {}

    public record Change(String code, String name, List<String> fields) {}

    /** What changed from the previous published version: indicators added, removed, changed (which fields), the rule. */
    public record Changes(List<String> added, List<String> removed, List<Change> changed, boolean gradeRuleChanged) {

        public boolean none() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && !gradeRuleChanged;
        }
    }

    /** One event in a framework's history: a publication (with its changes from the one before) or a reopening. */
    public record Version(int version, String action, @Nullable String reason, String actedBy, Instant actedAt,
            int indicators, @Nullable Changes changes) {

        public String actedAtText() {
            return SHOWN.format(actedAt);
        }
    }

    public List<ProgramView> programs() {
        permissions.requireManage();
        var cycles = store.cycles().stream().map(FrameworkEditor::view).toList();
        return store.programs().stream().map(p -> new ProgramView(p.id(), p.code(), p.name(), p.nameEn(), p.cadence(),
                cycles.stream().filter(c -> c.programId() == p.id()).toList())).toList();
    }

    public Framework framework(long cycleId) {
        permissions.requireManage();
        var cycle = cycle(cycleId);
        return new Framework(view(cycle), rule(cycle.gradeRuleJson()), store.indicators(cycleId));
    }

    /** The cycle's group names (광역, 시, 군, 구 …) from its target snapshot, for rules per group. */
    public List<String> groups(long cycleId) {
        permissions.requireManage();
        cycle(cycleId);
        List<String> groups = new ArrayList<>(store.groups(cycleId));
        groups.sort(java.util.Comparator.comparingInt((String g) -> GradeRuleSpec.STANDARD_ORDER.indexOf(g) < 0
                ? Integer.MAX_VALUE : GradeRuleSpec.STANDARD_ORDER.indexOf(g)).thenComparing(g -> g));
        return groups;
    }

    @Transactional
    public void addIndicator(long cycleId, FrameworkIndicator indicator) {
        var framework = draft(cycleId);
        FrameworkIndicator clean = validate(normalize(indicator), framework.indicators());
        if (framework.indicator(clean.code()) != null) {
            throw UserFacingException.conflict("framework.indicator.duplicate", clean.code());
        }
        try {
            store.insert(cycleId, clean);
        } catch (DuplicateKeyException e) {
            throw UserFacingException.conflict("framework.indicator.duplicate", clean.code());
        }
        events.publishEvent(new FrameworkEdited(cycleId, "ADD_INDICATOR", clean.code()));
    }

    @Transactional
    public void updateIndicator(long cycleId, String code, FrameworkIndicator indicator) {
        var framework = draft(cycleId);
        FrameworkIndicator existing = framework.indicator(code);
        if (existing == null) {
            throw UserFacingException.notFound("framework.indicator.notFound", code);
        }
        FrameworkIndicator changed = normalize(indicator);
        changed = new FrameworkIndicator(code, changed.area(), changed.item(), changed.name(), changed.kind(),
                changed.points(), changed.polarity(), changed.normalization(), changed.low(), changed.high(),
                changed.formula(), changed.inputA(), changed.inputB(), changed.target(), changed.cap(), changed.multiplier(),
                changed.panelKind(), changed.itemGraded(), changed.evidence(), changed.evidenceRequired(), changed.rubric());
        var others = framework.indicators().stream().filter(i -> !i.code().equals(code)).toList();
        FrameworkIndicator clean = validate(changed, others);
        if (existing.input() && !clean.input()) {
            requireUnused(code, others);
        }
        store.update(cycleId, clean);
        events.publishEvent(new FrameworkEdited(cycleId, "UPDATE_INDICATOR", code));
    }

    @Transactional
    public void removeIndicator(long cycleId, String code) {
        var framework = draft(cycleId);
        if (framework.indicator(code) == null) {
            throw UserFacingException.notFound("framework.indicator.notFound", code);
        }
        remove(cycleId, framework, List.of(code), "REMOVE_INDICATOR", code);
    }

    @Transactional
    public void renameArea(long cycleId, String area, String newName) {
        var framework = draft(cycleId);
        String name = text(newName, "framework.area.name");
        var members = framework.indicators().stream().filter(i -> i.area().equals(area)).toList();
        if (members.isEmpty()) {
            throw UserFacingException.notFound("framework.area.notFound", area);
        }
        members.forEach(i -> store.update(cycleId, i.movedTo(name, i.item())));
        events.publishEvent(new FrameworkEdited(cycleId, "RENAME_AREA", area + " → " + name));
    }

    @Transactional
    public void removeArea(long cycleId, String area) {
        var framework = draft(cycleId);
        var codes = framework.indicators().stream().filter(i -> i.area().equals(area)).map(FrameworkIndicator::code).toList();
        if (codes.isEmpty()) {
            throw UserFacingException.notFound("framework.area.notFound", area);
        }
        remove(cycleId, framework, codes, "REMOVE_AREA", area);
    }

    @Transactional
    public void renameItem(long cycleId, String area, String item, String newName) {
        var framework = draft(cycleId);
        String name = text(newName, "framework.item.name");
        var members = itemMembers(framework, area, item);
        members.forEach(i -> store.update(cycleId, i.movedTo(i.area(), name)));
        events.publishEvent(new FrameworkEdited(cycleId, "RENAME_ITEM", area + " / " + item + " → " + name));
    }

    /** Sets whether an item is graded on its own (the flag on each of its indicators). */
    @Transactional
    public void gradeItem(long cycleId, String area, String item, boolean graded) {
        var framework = draft(cycleId);
        itemMembers(framework, area, item).forEach(i -> store.update(cycleId, i.withItemGraded(graded)));
        events.publishEvent(new FrameworkEdited(cycleId, "GRADE_ITEM", area + " / " + item + " = " + graded));
    }

    @Transactional
    public void removeItem(long cycleId, String area, String item) {
        var framework = draft(cycleId);
        var codes = itemMembers(framework, area, item).stream().map(FrameworkIndicator::code).toList();
        remove(cycleId, framework, codes, "REMOVE_ITEM", area + " / " + item);
    }

    @Transactional
    public void setGradeRule(long cycleId, GradeRuleSpec rule) {
        draft(cycleId);
        validateRule(rule, true);
        store.setGradeRule(cycleId, json.writeValueAsString(rule));
        events.publishEvent(new FrameworkEdited(cycleId, "GRADE_RULE", rule.describe()));
    }

    /** Copies another cycle's indicators and grade rule into this draft, replacing what the draft had. */
    @Transactional
    public int copyFrom(long cycleId, long sourceCycleId) {
        draft(cycleId);
        if (cycleId == sourceCycleId) {
            throw UserFacingException.badInput("framework.copy.same");
        }
        var source = cycle(sourceCycleId);
        var indicators = store.indicators(sourceCycleId);
        if (indicators.isEmpty()) {
            throw UserFacingException.badInput("framework.copy.empty", source.label());
        }
        if (store.anythingEntered(cycleId)) {
            throw UserFacingException.conflict("framework.reopen.entered");
        }
        store.deleteAll(cycleId);
        indicators.forEach(i -> store.insert(cycleId, i));
        store.setGradeRule(cycleId, source.gradeRuleJson());
        events.publishEvent(new FrameworkEdited(cycleId, "COPY", source.label() + " (" + sourceCycleId + ")"));
        return indicators.size();
    }

    /** Publishes the draft: frozen from now on, with a snapshot under the cycle's current version number. */
    @Transactional
    public int publish(long cycleId) {
        permissions.requireManage();
        var cycle = cycle(cycleId);
        if (cycle.published()) {
            throw UserFacingException.conflict("framework.frozen", cycle.version());
        }
        var indicators = store.indicators(cycleId);
        if (indicators.stream().allMatch(FrameworkIndicator::input)) {
            throw UserFacingException.badInput("evaluation.framework.empty");
        }
        var snapshot = new Snapshot(cycle.version(), rule(cycle.gradeRuleJson()), indicators);
        store.insertVersion(cycleId, cycle.version(), "PUBLISHED", null, json.writeValueAsString(snapshot),
                actors.current().name());
        store.publish(cycleId);
        events.publishEvent(new FrameworkPublished(cycleId, indicators.size(), cycle.version()));
        return cycle.version();
    }

    /** Reopens a published framework as the next version's draft; needs a reason and nothing entered yet. */
    @Transactional
    public int reopen(long cycleId, @Nullable String reason) {
        permissions.requireManage();
        var cycle = cycle(cycleId);
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw UserFacingException.badInput("framework.reopen.reason");
        }
        if (!cycle.published()) {
            throw UserFacingException.conflict("framework.reopen.notPublished");
        }
        if (store.anythingEntered(cycleId)) {
            throw UserFacingException.conflict("framework.reopen.entered");
        }
        int version = store.reopen(cycleId);
        var snapshot = new Snapshot(version, rule(cycle.gradeRuleJson()), store.indicators(cycleId));
        store.insertVersion(cycleId, version, "REOPENED", reason.strip(), json.writeValueAsString(snapshot),
                actors.current().name());
        events.publishEvent(new FrameworkReopened(cycleId, version, reason.strip()));
        return version;
    }

    /** The framework's history: each publication with what changed since the one before, and each reopening. */
    public List<Version> versions(long cycleId) {
        permissions.requireManage();
        cycle(cycleId);
        List<Version> versions = new ArrayList<>();
        Snapshot previous = null;
        for (var row : store.versions(cycleId)) {
            Snapshot snapshot = json.readValue(row.snapshotJson(), Snapshot.class);
            Changes changes = null;
            if (row.action().equals("PUBLISHED")) {
                changes = previous == null ? null : diff(previous, snapshot);
                previous = snapshot;
            }
            versions.add(new Version(row.version(), row.action(), row.reason(), row.actedBy(), row.actedAt(),
                    snapshot.indicators().size(), changes));
        }
        return versions;
    }

    public Snapshot snapshot(long cycleId, int version) {
        permissions.requireManage();
        cycle(cycleId);
        return store.versions(cycleId).stream().filter(v -> v.version() == version && v.action().equals("PUBLISHED"))
                .findFirst().map(v -> json.readValue(v.snapshotJson(), Snapshot.class))
                .orElseThrow(() -> UserFacingException.notFound("framework.version.notFound", version));
    }

    static Changes diff(Snapshot before, Snapshot after) {
        Map<String, FrameworkIndicator> old = new LinkedHashMap<>();
        before.indicators().forEach(i -> old.put(i.code(), i));
        Map<String, FrameworkIndicator> now = new LinkedHashMap<>();
        after.indicators().forEach(i -> now.put(i.code(), i));
        List<String> added = now.keySet().stream().filter(c -> !old.containsKey(c)).toList();
        List<String> removed = old.keySet().stream().filter(c -> !now.containsKey(c)).toList();
        List<Change> changed = new ArrayList<>();
        now.forEach((code, i) -> {
            FrameworkIndicator o = old.get(code);
            if (o != null) {
                List<String> fields = changedFields(o, i);
                if (!fields.isEmpty()) {
                    changed.add(new Change(code, i.name(), fields));
                }
            }
        });
        return new Changes(added, removed, changed, !Objects.equals(before.gradeRule(), after.gradeRule()));
    }

    private static List<String> changedFields(FrameworkIndicator a, FrameworkIndicator b) {
        List<String> fields = new ArrayList<>();
        for (var component : FrameworkIndicator.class.getRecordComponents()) {
            try {
                Object x = component.getAccessor().invoke(a);
                Object y = component.getAccessor().invoke(b);
                boolean same = x instanceof BigDecimal bx && y instanceof BigDecimal by ? bx.compareTo(by) == 0 : Objects.equals(x, y);
                if (!same) {
                    fields.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return fields;
    }

    // ----------------------------------------------------------------------------------------------------------------

    private void remove(long cycleId, Framework framework, List<String> codes, String action, String subject) {
        var others = framework.indicators().stream().filter(i -> !codes.contains(i.code())).toList();
        codes.forEach(code -> requireUnused(code, others));
        store.delete(cycleId, codes);
        events.publishEvent(new FrameworkEdited(cycleId, action, subject));
    }

    private static void requireUnused(String code, List<FrameworkIndicator> others) {
        others.stream().filter(o -> code.equals(o.inputA()) || code.equals(o.inputB())).findFirst().ifPresent(user -> {
            throw UserFacingException.conflict("framework.indicator.inputInUse", code, user.code());
        });
    }

    private static List<FrameworkIndicator> itemMembers(Framework framework, String area, String item) {
        var members = framework.indicators().stream().filter(i -> i.area().equals(area) && i.item().equals(item)).toList();
        if (members.isEmpty()) {
            throw UserFacingException.notFound("framework.item.notFound", area + " / " + item);
        }
        return members;
    }

    private Framework draft(long cycleId) {
        var framework = framework(cycleId);
        if (framework.cycle().published()) {
            throw UserFacingException.conflict("framework.frozen", framework.cycle().version());
        }
        return framework;
    }

    private FrameworkStore.CycleState cycle(long cycleId) {
        return store.cycle(cycleId).orElseThrow(() -> UserFacingException.notFound("evaluation.cycle.notFound", cycleId));
    }

    private static CycleView view(FrameworkStore.CycleState c) {
        return new CycleView(c.id(), c.programId(), c.programName(), c.label(), c.evaluationYear(), c.performanceYear(),
                c.version(), c.publishedAt(), c.indicators());
    }

    private GradeRuleSpec rule(String gradeRuleJson) {
        return json.readValue(gradeRuleJson, GradeRuleSpec.class);
    }

    /** Trims texts and drops what the kind does not use, so that a form's leftovers never count. */
    private static FrameworkIndicator normalize(FrameworkIndicator i) {
        String kind = i.kind() == null ? "" : i.kind().strip();
        String formula = blank(i.formula());
        boolean input = kind.equals("INPUT");
        boolean panel = kind.equals("QUALITATIVE") || kind.equals("CITIZEN");
        if (input || panel) {
            formula = null;
        }
        boolean ratio = "RATIO".equals(formula);
        boolean achievement = "ACHIEVEMENT".equals(formula);
        return new FrameworkIndicator(i.code() == null ? "" : i.code().strip(), strip(i.area()), strip(i.item()),
                strip(i.name()), kind, i.points() == null ? BigDecimal.ZERO : i.points(),
                i.polarity() == null || i.polarity().isBlank() ? "HIGHER_IS_BETTER" : i.polarity().strip(),
                input ? "MIN_MAX" : i.normalization() == null || i.normalization().isBlank() ? "MIN_MAX" : i.normalization().strip(),
                input ? null : i.low(), input ? null : i.high(), formula,
                formula == null ? null : blank(i.inputA()), ratio || achievement ? blank(i.inputB()) : null,
                achievement ? i.target() : null, achievement || "COUNT".equals(formula) ? i.cap() : null,
                ratio ? i.multiplier() : null, panel ? blank(i.panelKind()) : null, !input && i.itemGraded(),
                blank(i.evidence()), i.evidenceRequired() && blank(i.evidence()) != null, panel ? blank(i.rubric()) : null);
    }

    private static FrameworkIndicator validate(FrameworkIndicator i, List<FrameworkIndicator> others) {
        if (!i.code().matches("[A-Za-z0-9_.-]{1,40}")) {
            throw UserFacingException.badInput("framework.indicator.code");
        }
        for (String text : new String[] {i.area(), i.item(), i.name()}) {
            if (text.isEmpty() || text.length() > 200) {
                throw UserFacingException.badInput("framework.indicator.text");
            }
        }
        if (!KINDS.contains(i.kind())) {
            throw UserFacingException.badInput("framework.indicator.kind");
        }
        if (i.points().signum() < 0 || i.points().compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw UserFacingException.badInput("framework.indicator.points");
        }
        if (i.input() && i.points().signum() != 0) {
            throw UserFacingException.badInput("framework.indicator.inputPoints");
        }
        if (!POLARITIES.contains(i.polarity())) {
            throw UserFacingException.badInput("framework.indicator.polarity");
        }
        try {
            if (!i.input()) {
                i.spec().toIndicator();
            }
        } catch (IllegalArgumentException e) {
            throw UserFacingException.badInput("framework.indicator.normalization", i.code());
        }
        if (i.formula() != null) {
            if (!FORMULAS.contains(i.formula())) {
                throw UserFacingException.badInput("framework.indicator.formula");
            }
            boolean complete = switch (i.formula()) {
                case "RATIO" -> i.inputA() != null && i.inputB() != null;
                case "ACHIEVEMENT" -> i.inputA() != null && (i.inputB() != null || i.target() != null);
                default -> i.inputA() != null;
            };
            if (!complete) {
                throw UserFacingException.badInput("framework.indicator.formulaInputs");
            }
            for (String input : new String[] {i.inputA(), i.inputB()}) {
                if (input != null && others.stream().noneMatch(o -> o.code().equals(input) && o.input())) {
                    throw UserFacingException.badInput("framework.indicator.inputMissing", input);
                }
            }
            for (BigDecimal positive : new BigDecimal[] {i.target(), i.cap(), i.multiplier()}) {
                if (positive != null && positive.signum() <= 0) {
                    throw UserFacingException.badInput("framework.indicator.positive");
                }
            }
        }
        if (i.kind().equals("QUALITATIVE") && i.panelKind() == null) {
            throw UserFacingException.badInput("framework.indicator.panel");
        }
        if (i.panelKind() != null && !PANELS.contains(i.panelKind())) {
            throw UserFacingException.badInput("framework.indicator.panel");
        }
        if ((i.evidence() != null && i.evidence().length() > 1000) || (i.rubric() != null && i.rubric().length() > 2000)) {
            throw UserFacingException.badInput("framework.indicator.evidence");
        }
        return i;
    }

    /** Checks a grade rule with messages an administrator can act on (the engine's own check follows). */
    static void validateRule(@Nullable GradeRuleSpec rule, boolean top) {
        if (rule == null || rule.kind() == null) {
            throw UserFacingException.badInput("framework.rule.kind");
        }
        switch (rule.kind()) {
            case "BANDS" -> {
                if (rule.bands().isEmpty() || rule.bands().stream().anyMatch(b -> b.label() == null || b.label().isBlank()
                        || b.upTo() == null || b.upTo().signum() <= 0 || b.upTo().compareTo(BigDecimal.ONE) > 0)) {
                    throw UserFacingException.badInput("framework.rule.bands");
                }
                for (int k = 1; k < rule.bands().size(); k++) {
                    if (rule.bands().get(k).upTo().compareTo(rule.bands().get(k - 1).upTo()) <= 0) {
                        throw UserFacingException.badInput("framework.rule.bandsOrder");
                    }
                }
                if (rule.bands().getLast().upTo().compareTo(BigDecimal.ONE) != 0) {
                    throw UserFacingException.badInput("framework.rule.bandsLast");
                }
                if (!ROUNDINGS.contains(String.valueOf(rule.rounding()))) {
                    throw UserFacingException.badInput("framework.rule.rounding");
                }
            }
            case "QUOTAS" -> {
                if (rule.quotas().isEmpty() || rule.quotas().values().stream().anyMatch(c -> c == null || c < 0)
                        || rule.winner() == null || rule.winner().isBlank()) {
                    throw UserFacingException.badInput("framework.rule.quotas");
                }
            }
            case "CUTOFFS" -> {
                if (rule.cuts().isEmpty() || rule.below() == null || rule.below().isBlank()
                        || rule.cuts().stream().anyMatch(c -> c.label() == null || c.label().isBlank() || c.minimum() == null)) {
                    throw UserFacingException.badInput("framework.rule.cuts");
                }
                for (int k = 1; k < rule.cuts().size(); k++) {
                    if (rule.cuts().get(k).minimum().compareTo(rule.cuts().get(k - 1).minimum()) >= 0) {
                        throw UserFacingException.badInput("framework.rule.cutsOrder");
                    }
                }
            }
            case "LAYERS" -> {
                if (!top || rule.layers().isEmpty()) {
                    throw UserFacingException.badInput("framework.rule.layers");
                }
                rule.layers().forEach(layer -> validateRule(layer, false));
            }
            case "NONE" -> { }
            default -> throw UserFacingException.badInput("framework.rule.kind");
        }
        try {
            rule.toRule();
        } catch (IllegalArgumentException e) {
            throw UserFacingException.badInput("evaluation.gradeRule.invalid", e.getMessage());
        }
    }

    private static String strip(@Nullable String s) {
        return s == null ? "" : s.strip();
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String text(@Nullable String s, String key) {
        if (s == null || s.isBlank() || s.strip().length() > 200) {
            throw UserFacingException.badInput(key);
        }
        return s.strip();
    }
}
