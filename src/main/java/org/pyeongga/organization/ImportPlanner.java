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
 * snapshot and returns the plan; {@link ImportApplier} carries the plan out. Every comparison is made against the
 * rows valid on the import's effective date, so recorded future changes (a scheduled end, a rename from next month) do
 * not block today's file; running it again on the registry the plan produced yields only UNCHANGED and SKIPPED lines.
 *
 * <p>Rules (docs/decisions/0004-registry-import.md): a known code is compared (another name → renamed on the effective
 * date; 폐지일자 → ends the day before). An unknown code directly under a 광역 fills in the code of the matching 기초;
 * it never creates a 기초 unless the row's 기관유형 says so (행정시 and 일반구 also sit under a 광역 or a 시). An unknown
 * top-level code fills in the code of the one code-less central agency or education office of that kind and name (seeded
 * without a verified code, ADR 0021), else becomes a new institution from the effective date (kind from 기관유형, else
 * 교육청 by name, else 중앙행정기관 for 1xxxxxx codes, else 기타), except local-government codes (5xxxxxx, 6xxxxxx), which must be recorded
 * as a reorganisation. Other unknown codes are departments and are skipped.
 */
final class ImportPlanner {

    /** A change to make, in the order they are listed. */
    sealed interface Action {}

    record End(long institutionId, LocalDate lastDay) implements Action {}

    /** Ends the row the day before and starts a renamed row with the same code; links {@code alsoLinkFrom} to it. */
    record Rename(long institutionId, String newName, @Nullable String fullName, LocalDate effectiveOn,
            @Nullable Long alsoLinkFrom) implements Action {}

    record AssignCode(long institutionId, String orgCode, @Nullable String fullName) implements Action {}

    record Add(int rowNumber, NewInstitution institution, @Nullable Long predecessorId) implements Action {}

    record Link(long predecessorId, long successorId, LocalDate effectiveOn) implements Action {}

    record Plan(List<ImportLine> lines, List<Action> actions) {

        long count(ImportOutcome outcome) {
            return lines.stream().filter(l -> l.outcome() == outcome).map(ImportLine::rowNumber).distinct().count();
        }

        boolean hasErrors() {
            return lines.stream().anyMatch(l -> l.outcome() == ImportOutcome.ERROR);
        }

        /** What the preview showed, as one string: confirmation applies only a plan with the same fingerprint. */
        String fingerprint() {
            StringBuilder text = new StringBuilder();
            for (ImportLine l : lines) {
                text.append(l.rowNumber()).append('|').append(l.outcome()).append('|').append(l.institutionId())
                        .append('|').append(l.messageKey()).append('|').append(String.join("\u001f", l.messageArgs()))
                        .append('\n');
            }
            return org.pyeongga.core.Digests.sha256Hex(text.toString());
        }
    }

    private final List<InstitutionSummary> registry;
    /** Per code, the row that speaks for it on the effective date (see {@link #current}). */
    private final Map<String, InstitutionSummary> byCode = new HashMap<>();
    private final Map<String, InstitutionSummary> provinceByCode = new HashMap<>();
    private final Map<Long, List<Long>> successorsOf;
    private final LocalDate effectiveOn;

    ImportPlanner(List<InstitutionSummary> registry, Map<Long, List<Long>> successorsOf, LocalDate effectiveOn) {
        this.registry = registry;
        this.successorsOf = successorsOf;
        this.effectiveOn = effectiveOn;
        for (InstitutionSummary i : registry) {
            if (i.orgCode() != null) {
                byCode.merge(i.orgCode(), i, this::current);
                if (i.level() == InstitutionLevel.METROPOLITAN && i.validOn(effectiveOn)) {
                    provinceByCode.put(i.orgCode(), i);
                }
            }
        }
    }

    /** Of two rows with one code: the one valid on the effective date, else the one still open, else the later. */
    private InstitutionSummary current(InstitutionSummary a, InstitutionSummary b) {
        if (a.validOn(effectiveOn) != b.validOn(effectiveOn)) {
            return a.validOn(effectiveOn) ? a : b;
        }
        if ((a.validTo() == null) != (b.validTo() == null)) {
            return a.validTo() == null ? a : b;
        }
        LocalDate ea = a.validTo() == null ? LocalDate.MAX : a.validTo();
        LocalDate eb = b.validTo() == null ? LocalDate.MAX : b.validTo();
        return eb.isAfter(ea) ? b : a;
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
        InstitutionSummary known = byCode.get(row.orgCode());
        if (known != null) {
            boolean endedBefore = known.validTo() != null && known.validTo().isBefore(effectiveOn);
            if (endedBefore) {
                planEndedBefore(row, known, lines);
            } else {
                planKnown(row, known, lines, actions, claimed);
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
        String directParent = row.parentCode() != null ? row.parentCode() : row.topCode();
        if (province != null && Objects.equals(directParent, province.orgCode()) && !row.orgCode().equals(directParent)) {
            planUnderProvince(row, province, hinted, lines, actions, claimed);
            return;
        }
        boolean topLevel = row.topCode() == null || row.topCode().equals(row.orgCode());
        if (!topLevel) {
            lines.add(line(row, ImportOutcome.SKIPPED, null, "import.line.subUnit", row.name()));
            return;
        }
        InstitutionKind kind = hinted != null ? hinted : inferTopLevelKind(row);
        if (assignedToSeededByName(row, kind, lines, actions, claimed)) {
            return;
        }
        boolean localCode = row.orgCode().startsWith("5") || row.orgCode().startsWith("6");
        if (kind.level().isLocalGovernment() || (hinted == null && localCode)) {
            lines.add(line(row, ImportOutcome.ERROR, null, "import.row.localGovernmentManual", row.name()));
            return;
        }
        InstitutionSummary predecessor = row.previousCode() == null ? null : byCode.get(row.previousCode());
        var institution = new NewInstitution(row.name(), null, kind, row.orgCode(), null, null, effectiveOn, null);
        actions.add(new Add(row.rowNumber(), institution, predecessor == null ? null : predecessor.id()));
        lines.add(line(row, ImportOutcome.NEW, null, "import.line.new", row.name(), kind.koreanName(),
                effectiveOn.toString()));
        if (predecessor != null) {
            lines.add(line(row, ImportOutcome.NEW, null, "import.line.succeeds", predecessor.displayName()));
        }
    }

    /** The code's institution ended before the effective date. */
    private static void planEndedBefore(StandardCodeRow row, InstitutionSummary ended, List<ImportLine> lines) {
        if (row.abolishedOn() == null) {
            lines.add(line(row, ImportOutcome.ERROR, ended.id(), "import.row.orgCode.ended", row.orgCode(),
                    String.valueOf(ended.validTo())));
        } else if (row.abolishedOn().minusDays(1).equals(ended.validTo())) {
            lines.add(line(row, ImportOutcome.UNCHANGED, ended.id(), "import.line.alreadyEnded", ended.displayName(),
                    String.valueOf(ended.validTo())));
        } else {
            lines.add(line(row, ImportOutcome.ERROR, ended.id(), "import.row.endDateDiffers", ended.displayName(),
                    String.valueOf(ended.validTo()), row.abolishedOn().minusDays(1).toString()));
        }
    }

    private void planKnown(StandardCodeRow row, InstitutionSummary known, List<ImportLine> lines, List<Action> actions,
            Map<Long, Integer> claimed) {
        if (!claim(row, known, lines, claimed)) {
            return;
        }
        if (row.abolishedOn() != null) {
            LocalDate lastDay = row.abolishedOn().minusDays(1);
            if (known.validTo() != null) {
                boolean same = known.validTo().equals(lastDay);
                lines.add(same
                        ? line(row, ImportOutcome.UNCHANGED, known.id(), "import.line.alreadyEnded", known.displayName(),
                                known.validTo().toString())
                        : line(row, ImportOutcome.ERROR, known.id(), "import.row.endDateDiffers", known.displayName(),
                                known.validTo().toString(), lastDay.toString()));
            } else if (known.validFrom() != null && lastDay.isBefore(known.validFrom())) {
                lines.add(line(row, ImportOutcome.ERROR, known.id(), "import.row.endBeforeStart",
                        known.displayName(), String.valueOf(known.validFrom())));
            } else if (known.level() == InstitutionLevel.METROPOLITAN) {
                // Its 기초 would be left without a province: that is a reorganisation, recorded by hand.
                lines.add(line(row, ImportOutcome.ERROR, known.id(), "import.row.endMetropolitan", known.displayName()));
            } else {
                actions.add(new End(known.id(), lastDay));
                lines.add(line(row, ImportOutcome.ENDED, known.id(), "import.line.ended", known.displayName(),
                        lastDay.toString()));
            }
            return;
        }
        InstitutionSummary predecessor = row.previousCode() == null ? null : byCode.get(row.previousCode());
        boolean needsLink = predecessor != null && predecessor.id() != known.id()
                && !successorsOf.getOrDefault(predecessor.id(), List.of()).contains(known.id());
        if (!sameName(row, known)) {
            if (known.validTo() != null) {
                lines.add(line(row, ImportOutcome.ERROR, known.id(), "import.row.renameScheduled", known.displayName(),
                        known.validTo().toString()));
            } else if (known.validFrom() != null && !effectiveOn.isAfter(known.validFrom())) {
                lines.add(line(row, ImportOutcome.ERROR, known.id(), "import.row.renameBeforeStart",
                        known.displayName(), String.valueOf(known.validFrom())));
            } else {
                actions.add(new Rename(known.id(), row.name(), row.fullName(), effectiveOn,
                        predecessor != null && predecessor.id() != known.id() ? predecessor.id() : null));
                lines.add(line(row, ImportOutcome.CHANGED, known.id(), "import.line.renamed", known.name(), row.name(),
                        effectiveOn.toString()));
            }
            return;
        }
        if (needsLink) {
            LocalDate since = known.validFrom() != null ? known.validFrom() : effectiveOn;
            actions.add(new Link(predecessor.id(), known.id(), since));
            lines.add(line(row, ImportOutcome.CHANGED, known.id(), "import.line.linked", predecessor.displayName(),
                    known.displayName()));
            return;
        }
        lines.add(line(row, ImportOutcome.UNCHANGED, known.id(), "import.line.unchanged", known.displayName()));
    }

    /** An unknown code whose parent is a 광역: the code of one of its 기초, or (only when typed so) a new 기초. */
    private void planUnderProvince(StandardCodeRow row, InstitutionSummary province, @Nullable InstitutionKind hinted,
            List<ImportLine> lines, List<Action> actions, Map<Long, Integer> claimed) {
        List<InstitutionSummary> sameName = registry.stream()
                .filter(i -> i.level() == InstitutionLevel.BASIC && i.validOn(effectiveOn))
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
        if (hinted == null || hinted.level() != InstitutionLevel.BASIC) {
            lines.add(line(row, ImportOutcome.SKIPPED, null, "import.line.notBasic", province.name(), row.name()));
            return;
        }
        var institution = new NewInstitution(row.name(), null, hinted, row.orgCode(), province.regionCode(), null,
                effectiveOn, null);
        actions.add(new Add(row.rowNumber(), institution, null));
        lines.add(line(row, ImportOutcome.NEW, null, "import.line.newBasic", province.name(), row.name(),
                hinted.koreanName(), effectiveOn.toString()));
    }

    /**
     * A top-level code for a central agency or education office seeded without a verified code (V15, ADR 0021): the
     * one open row of that kind and name gets the code, so the official file fills in codes instead of duplicating.
     */
    private boolean assignedToSeededByName(StandardCodeRow row, InstitutionKind kind, List<ImportLine> lines,
            List<Action> actions, Map<Long, Integer> claimed) {
        if (kind != InstitutionKind.CENTRAL_AGENCY && kind != InstitutionKind.EDUCATION_OFFICE) {
            return false;
        }
        List<InstitutionSummary> sameName = registry.stream()
                .filter(i -> i.kind() == kind && i.orgCode() == null && i.validOn(effectiveOn) && sameName(row, i))
                .toList();
        if (sameName.size() != 1) {
            return false;
        }
        InstitutionSummary match = sameName.getFirst();
        if (claim(row, match, lines, claimed)) {
            actions.add(new AssignCode(match.id(), row.orgCode(), row.fullName()));
            lines.add(line(row, ImportOutcome.CHANGED, match.id(), "import.line.codeAssigned", match.displayName(),
                    row.orgCode()));
        }
        return true;
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
            if (code != null && provinceByCode.containsKey(code)) {
                return provinceByCode.get(code);
            }
        }
        return null;
    }

    private static boolean sameName(StandardCodeRow row, InstitutionSummary i) {
        String name = row.name().strip();
        return name.equals(i.name()) || name.equals(i.displayName())
                || (row.fullName() != null && row.fullName().strip().equals(i.displayName()));
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

    private static ImportLine line(StandardCodeRow row, ImportOutcome outcome, @Nullable Long institutionId, String key,
            String... args) {
        return new ImportLine(row.rowNumber(), outcome, row.orgCode(), row.name(), institutionId, key, List.of(args));
    }
}
