package org.pyeongga.organization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import org.pyeongga.organization.importing.RowProblem;
import org.pyeongga.organization.importing.StandardCodeFile;
import org.pyeongga.organization.importing.StandardCodeRow;

/**
 * Compares a 행정표준코드 file with the registry and says, row by row, what applying it would do. Pure: it reads a
 * snapshot and returns the plan; {@link ImportApplier} carries the plan out. Running it again on the registry the plan
 * produced yields only UNCHANGED and SKIPPED lines, which is what makes a re-import change nothing.
 *
 * <p>Rules (see docs/decisions/0004-registry-import.md): a known open code is compared (name → rename on the
 * effective date; 폐지일자 → ended the day before); an unknown code directly under a 광역 whose name ends in 시·군·구
 * fills in the code of the matching 기초; an unknown top-level code becomes a new institution (kind from 기관유형, or
 * 교육청 by name, or 중앙행정기관 for 1xxxxxx codes); other unknown codes are departments and are skipped.
 */
final class ImportPlanner {

    /** A change to make, in the order they are listed. */
    sealed interface Action {}

    record End(long institutionId, LocalDate lastDay) implements Action {}

    record Rename(long institutionId, String newName, @Nullable String fullName, LocalDate effectiveOn) implements Action {}

    record AssignCode(long institutionId, String orgCode, @Nullable String fullName) implements Action {}

    record Add(int rowNumber, NewInstitution institution, @Nullable String parentCode, @Nullable Long predecessorId)
            implements Action {}

    record Link(long predecessorId, long successorId, LocalDate effectiveOn) implements Action {}

    record Plan(List<ImportLine> lines, List<Action> actions) {

        long count(ImportOutcome outcome) {
            return lines.stream().filter(l -> l.outcome() == outcome).map(ImportLine::rowNumber).distinct().count();
        }

        boolean hasErrors() {
            return lines.stream().anyMatch(l -> l.outcome() == ImportOutcome.ERROR);
        }
    }

    private final List<InstitutionSummary> registry;
    private final Map<String, InstitutionSummary> openByCode = new HashMap<>();
    private final Map<String, InstitutionSummary> latestByCode = new HashMap<>();
    private final Map<Long, List<Long>> successorsOf;
    private final LocalDate effectiveOn;

    ImportPlanner(List<InstitutionSummary> registry, Map<Long, List<Long>> successorsOf, LocalDate effectiveOn) {
        this.registry = registry;
        this.successorsOf = successorsOf;
        this.effectiveOn = effectiveOn;
        for (InstitutionSummary i : registry) {
            if (i.orgCode() == null) {
                continue;
            }
            if (i.validTo() == null) {
                openByCode.put(i.orgCode(), i);
            }
            latestByCode.merge(i.orgCode(), i, (a, b) -> later(a, b));
        }
    }

    Plan plan(StandardCodeFile file, IntConsumer progress) {
        List<ImportLine> lines = new ArrayList<>();
        List<Action> actions = new ArrayList<>();
        for (RowProblem p : file.problems()) {
            lines.add(new ImportLine(p.rowNumber(), ImportOutcome.ERROR, null, null, null, p.messageKey(), p.args()));
        }
        Map<Long, Integer> claimed = new HashMap<>();
        int done = 0;
        for (StandardCodeRow row : file.rows()) {
            planRow(row, lines, actions, claimed);
            if (++done % 200 == 0) {
                progress.accept(done);
            }
        }
        progress.accept(file.totalDataRows());
        lines.sort((a, b) -> Integer.compare(a.rowNumber(), b.rowNumber()));
        return new Plan(lines, actions);
    }

    private void planRow(StandardCodeRow row, List<ImportLine> lines, List<Action> actions, Map<Long, Integer> claimed) {
        InstitutionSummary open = openByCode.get(row.orgCode());
        if (open != null) {
            planKnown(row, open, lines, actions, claimed);
            return;
        }
        InstitutionSummary ended = latestByCode.get(row.orgCode());
        if (ended != null) {
            LocalDate lastDay = row.abolishedOn() == null ? null : row.abolishedOn().minusDays(1);
            if (lastDay == null) {
                lines.add(line(row, ImportOutcome.ERROR, ended.id(), "import.row.orgCode.ended",
                        row.orgCode(), String.valueOf(ended.validTo())));
            } else {
                lines.add(line(row, ImportOutcome.UNCHANGED, ended.id(), "import.line.alreadyEnded",
                        ended.displayName(), String.valueOf(ended.validTo())));
            }
            return;
        }
        if (row.abolishedOn() != null) {
            lines.add(line(row, ImportOutcome.SKIPPED, null, "import.line.abolishedUnknown", row.name()));
            return;
        }
        InstitutionKind hinted = null;
        if (row.kind() != null && !row.kind().isBlank()) {
            hinted = InstitutionKind.fromKorean(row.kind()).orElse(null);
            if (hinted == null) {
                lines.add(line(row, ImportOutcome.ERROR, null, "import.row.kind.unknown", row.kind()));
                return;
            }
        }
        InstitutionSummary province = provinceOf(row);
        InstitutionKind basicKind = basicKindFromName(row.name());
        boolean looksBasic = province != null
                && (hinted != null ? hinted.level() == InstitutionLevel.BASIC : basicKind != null)
                && Objects.equals(row.parentCode() == null ? row.topCode() : row.parentCode(), province.orgCode());
        if (looksBasic) {
            planBasic(row, province, hinted != null ? hinted : basicKind, lines, actions, claimed);
            return;
        }
        boolean topLevel = row.topCode() == null || row.topCode().equals(row.orgCode());
        if (!topLevel && hinted == null) {
            lines.add(line(row, ImportOutcome.SKIPPED, null, "import.line.subUnit", row.name()));
            return;
        }
        InstitutionKind kind = hinted != null ? hinted : inferTopLevelKind(row);
        if (kind.level().isLocalGovernment()) {
            lines.add(line(row, ImportOutcome.ERROR, null, "import.row.localGovernmentManual", row.name()));
            return;
        }
        InstitutionSummary predecessor = row.previousCode() == null ? null : latestByCode.get(row.previousCode());
        var institution = new NewInstitution(row.name(), null, kind, row.orgCode(), null, null, null, null);
        actions.add(new Add(row.rowNumber(), institution, row.topCode() == null || row.topCode().equals(row.orgCode())
                ? null : row.parentCode(), predecessor == null ? null : predecessor.id()));
        lines.add(line(row, ImportOutcome.NEW, null, "import.line.new", row.name(), kind.koreanName()));
        if (predecessor != null) {
            lines.add(line(row, ImportOutcome.NEW, null, "import.line.succeeds", predecessor.displayName()));
        }
    }

    private void planKnown(StandardCodeRow row, InstitutionSummary open, List<ImportLine> lines, List<Action> actions,
            Map<Long, Integer> claimed) {
        if (!claim(row, open, lines, claimed)) {
            return;
        }
        if (row.abolishedOn() != null) {
            LocalDate lastDay = row.abolishedOn().minusDays(1);
            if (open.validFrom() != null && lastDay.isBefore(open.validFrom())) {
                lines.add(line(row, ImportOutcome.ERROR, open.id(), "import.row.endBeforeStart",
                        open.displayName(), String.valueOf(open.validFrom())));
                return;
            }
            actions.add(new End(open.id(), lastDay));
            lines.add(line(row, ImportOutcome.ENDED, open.id(), "import.line.ended", open.displayName(), lastDay.toString()));
            return;
        }
        boolean changed = false;
        if (!sameName(row, open)) {
            if (open.validFrom() != null && !effectiveOn.isAfter(open.validFrom())) {
                lines.add(line(row, ImportOutcome.ERROR, open.id(), "import.row.renameBeforeStart",
                        open.displayName(), String.valueOf(open.validFrom())));
                return;
            }
            actions.add(new Rename(open.id(), row.name(), row.fullName(), effectiveOn));
            lines.add(line(row, ImportOutcome.CHANGED, open.id(), "import.line.renamed", open.name(), row.name(),
                    effectiveOn.toString()));
            changed = true;
        }
        InstitutionSummary predecessor = row.previousCode() == null ? null : latestByCode.get(row.previousCode());
        if (predecessor != null && predecessor.id() != open.id()
                && !successorsOf.getOrDefault(predecessor.id(), List.of()).contains(open.id())) {
            LocalDate since = open.validFrom() != null ? open.validFrom() : effectiveOn;
            actions.add(new Link(predecessor.id(), open.id(), since));
            lines.add(line(row, ImportOutcome.CHANGED, open.id(), "import.line.linked", predecessor.displayName(),
                    open.displayName()));
            changed = true;
        }
        if (!changed) {
            lines.add(line(row, ImportOutcome.UNCHANGED, open.id(), "import.line.unchanged", open.displayName()));
        }
    }

    private void planBasic(StandardCodeRow row, InstitutionSummary province, InstitutionKind kind, List<ImportLine> lines,
            List<Action> actions, Map<Long, Integer> claimed) {
        List<InstitutionSummary> sameName = registry.stream()
                .filter(i -> i.validTo() == null && i.level() == InstitutionLevel.BASIC)
                .filter(i -> Objects.equals(i.regionCode(), province.regionCode()))
                .filter(i -> sameName(row, i))
                .toList();
        if (sameName.size() > 1) {
            lines.add(line(row, ImportOutcome.ERROR, null, "import.row.ambiguous", row.name()));
            return;
        }
        if (sameName.size() == 1) {
            InstitutionSummary match = sameName.getFirst();
            if (match.orgCode() != null) {
                lines.add(line(row, ImportOutcome.ERROR, match.id(), "import.row.codeConflict",
                        match.displayName(), match.orgCode(), row.orgCode()));
                return;
            }
            if (!claim(row, match, lines, claimed)) {
                return;
            }
            actions.add(new AssignCode(match.id(), row.orgCode(), row.fullName()));
            lines.add(line(row, ImportOutcome.CHANGED, match.id(), "import.line.codeAssigned", match.displayName(),
                    row.orgCode()));
            return;
        }
        var institution = new NewInstitution(row.name(), null, kind, row.orgCode(), province.regionCode(), null, null, null);
        actions.add(new Add(row.rowNumber(), institution, null, null));
        lines.add(line(row, ImportOutcome.NEW, null, "import.line.newBasic", province.name(), row.name(), kind.koreanName()));
    }

    /** One institution may be matched by one row only; a second row naming it is an error. */
    private static boolean claim(StandardCodeRow row, InstitutionSummary institution, List<ImportLine> lines,
            Map<Long, Integer> claimed) {
        Integer first = claimed.putIfAbsent(institution.id(), row.rowNumber());
        if (first != null) {
            lines.add(line(row, ImportOutcome.ERROR, institution.id(), "import.row.sameInstitution",
                    institution.displayName(), String.valueOf(first)));
            return false;
        }
        return true;
    }

    private @Nullable InstitutionSummary provinceOf(StandardCodeRow row) {
        for (String code : new String[] {row.parentCode(), row.topCode()}) {
            if (code != null) {
                InstitutionSummary p = openByCode.get(code);
                if (p != null && p.level() == InstitutionLevel.METROPOLITAN) {
                    return p;
                }
            }
        }
        return null;
    }

    private static boolean sameName(StandardCodeRow row, InstitutionSummary i) {
        String name = row.name().strip();
        return name.equals(i.name()) || name.equals(i.displayName())
                || (row.fullName() != null && row.fullName().strip().equals(i.displayName()));
    }

    private static @Nullable InstitutionKind basicKindFromName(String name) {
        String n = name.strip();
        if (n.endsWith("시")) {
            return InstitutionKind.CITY;
        }
        if (n.endsWith("군")) {
            return InstitutionKind.COUNTY;
        }
        if (n.endsWith("구")) {
            return InstitutionKind.DISTRICT;
        }
        return null;
    }

    private static InstitutionKind inferTopLevelKind(StandardCodeRow row) {
        if (row.name().strip().endsWith("교육청")) {
            return InstitutionKind.EDUCATION_OFFICE;
        }
        if (row.orgCode().startsWith("1")) {
            return InstitutionKind.CENTRAL_AGENCY;
        }
        return InstitutionKind.OTHER;
    }

    private static InstitutionSummary later(InstitutionSummary a, InstitutionSummary b) {
        LocalDate ea = a.validTo() == null ? LocalDate.MAX : a.validTo();
        LocalDate eb = b.validTo() == null ? LocalDate.MAX : b.validTo();
        return eb.isAfter(ea) ? b : a;
    }

    private static ImportLine line(StandardCodeRow row, ImportOutcome outcome, @Nullable Long institutionId, String key,
            String... args) {
        return new ImportLine(row.rowNumber(), outcome, row.orgCode(), row.name(), institutionId, key, List.of(args));
    }
}
