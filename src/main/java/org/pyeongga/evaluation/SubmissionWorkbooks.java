package org.pyeongga.evaluation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.CurrentActor;
import org.pyeongga.core.Texts;
import org.pyeongga.core.UserFacingException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quantitative values as an Excel workbook: a template with one row per value an institution enters (for an
 * administrator, per target institution × indicator of the whole cycle), pre-filled with what is entered or offered,
 * and the bulk upload of a filled-in copy with a report per row. All or nothing: one bad row and nothing is saved, and
 * the report says so. Formula cells are refused (a value must be a value), and so is anything that is not an XLSX.
 */
@Service
public class SubmissionWorkbooks {

    /** Rows beyond this are refused: no institution or cycle has that many values. */
    static final int MAX_ROWS = 20_000;
    static final long MAX_BYTES = 5L * 1024 * 1024;
    static final String SHEET = "실적 입력";
    static final List<String> HEADER = List.of("기관 ID", "기관", "지표 코드", "지표", "값", "안내");

    private final Submissions submissions;
    private final EvaluationStore evaluationStore;
    private final SubmissionLock lock;
    private final SubmissionRules rules;
    private final EvaluationPermissions permissions;
    private final CurrentActor actors;
    private final ApplicationEventPublisher events;
    private final Texts texts;

    SubmissionWorkbooks(Submissions submissions, EvaluationStore evaluationStore, SubmissionLock lock, SubmissionRules rules,
            EvaluationPermissions permissions, CurrentActor actors, ApplicationEventPublisher events, Texts texts) {
        this.submissions = submissions;
        this.evaluationStore = evaluationStore;
        this.lock = lock;
        this.rules = rules;
        this.permissions = permissions;
        this.actors = actors;
        this.events = events;
        this.texts = texts;
    }

    // ---------------------------------------------------------------- templates

    /** The institution's template: one row per value it enters, with its entered (or offered) value. */
    public byte[] institutionTemplate(long cycleId, long institutionId) {
        var view = submissions.view(cycleId, institutionId); // checks who may see it
        List<List<Object>> rows = new ArrayList<>();
        for (var row : view.valueRows()) {
            rows.add(row(view.institutionId(), view.institutionName(), row.indicator(), row.value(), row.offered(),
                    row.valueRequired()));
        }
        return write(rows);
    }

    /** For administrators: every target institution × every value institutions enter, for the whole cycle. */
    public byte[] cycleTemplate(long cycleId) {
        permissions.requireManage();
        var cycle = evaluationStore.cycle(cycleId)
                .orElseThrow(() -> UserFacingException.notFound("evaluation.cycle.notFound", cycleId));
        var entered = rules.forCycle(cycleId).values().stream().filter(SubmissionRules.Rule::entersValue).toList();
        Map<Long, Map<String, BigDecimal>> values = new HashMap<>();
        evaluationStore.values(cycleId).forEach(v -> values.computeIfAbsent(v.institutionId(), k -> new HashMap<>())
                .put(v.indicatorCode(), v.value().stripTrailingZeros()));
        List<List<Object>> rows = new ArrayList<>();
        for (var target : evaluationStore.targets(cycleId)) {
            var mine = values.getOrDefault(target.institutionId(), Map.of());
            for (var rule : entered) {
                rows.add(row(target.institutionId(), target.name(), rule.indicator(), mine.get(rule.indicator().code()),
                        submissions.offered(cycle, target.institutionId(), rule.indicator()).orElse(null),
                        rule.valueRequired()));
            }
        }
        return write(rows);
    }

    private static List<Object> row(long institutionId, String institutionName, IndicatorSpec spec, @Nullable BigDecimal value,
            KnownIndicatorValues.@Nullable KnownValue offered, boolean required) {
        String note = offered != null ? "출처: " + offered.source() : required ? "필수" : "선택";
        BigDecimal shown = value != null ? value : offered != null ? offered.value() : null;
        return List.of(institutionId, institutionName, spec.code(), spec.name(), shown == null ? "" : shown, note);
    }

    private static byte[] write(List<List<Object>> rows) {
        try (Workbook workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SHEET);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADER.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(HEADER.get(c));
                cell.setCellStyle(bold);
            }
            int r = 1;
            for (List<Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    Cell cell = row.createCell(c);
                    if (v instanceof Long id) {
                        cell.setCellValue(id);
                    } else if (v instanceof BigDecimal number) {
                        cell.setCellValue(number.doubleValue());
                    } else {
                        cell.setCellValue(String.valueOf(v)); // always a text cell: never read as a formula
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            int[] widths = {10, 28, 12, 40, 14, 40};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- upload

    /** One row of the uploaded workbook and what became of it. */
    public record RowReport(int row, String institution, String indicator, String value, boolean ok, String reason,
            String reasonEn) {}

    /** The whole upload: applied only when every row is right. */
    public record Report(boolean applied, int values, int errors, List<RowReport> rows, String summary, String summaryEn) {}

    /** An institution's upload of its own values (the submission lock applies). */
    @Transactional
    public Report uploadForInstitution(long cycleId, long institutionId, String fileName, byte[] content) {
        if (!Submissions.isMember(actors.current(), institutionId)) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "error.forbidden");
        }
        lock.requireChangeable(cycleId, institutionId);
        Parsed parsed = parse(cycleId, content, Set.of(institutionId), true);
        if (parsed.errors() > 0) {
            return report(parsed, false);
        }
        var values = parsed.values().getOrDefault(institutionId, Map.of());
        if (!values.isEmpty()) {
            submissions.enterValues(cycleId, institutionId, values);
            events.publishEvent(new SubmissionEvents.SubmissionWorkbookApplied(cycleId, institutionId, values.size(),
                    Submissions.cleanFileName(fileName)));
        }
        return report(parsed, true);
    }

    /** An administrator's upload for the whole cycle: a correction of every institution in it, with one reason. */
    @Transactional
    public Report uploadForCycle(long cycleId, String fileName, byte[] content, @Nullable String reason) {
        permissions.requireManage();
        if (reason == null || reason.isBlank() || reason.strip().length() > Submissions.REASON_MAX) {
            throw UserFacingException.badInput("submission.correction.reason", Submissions.REASON_MAX);
        }
        Set<Long> targets = evaluationStore.targets(cycleId).stream().map(EvaluationStore.Target::institutionId)
                .collect(Collectors.toSet());
        Parsed parsed = parse(cycleId, content, targets, false);
        if (parsed.errors() > 0) {
            return report(parsed, false);
        }
        parsed.values().forEach((institution, values) -> {
            submissions.correct(cycleId, institution, values, reason);
            events.publishEvent(new SubmissionEvents.SubmissionWorkbookApplied(cycleId, institution, values.size(),
                    Submissions.cleanFileName(fileName)));
        });
        return report(parsed, true);
    }

    private record Parsed(List<RowReport> rows, Map<Long, Map<String, BigDecimal>> values, int errors) {}

    private Parsed parse(long cycleId, byte[] content, Set<Long> allowed, boolean ownInstitution) {
        if (content.length > MAX_BYTES) {
            throw new UserFacingException(HttpStatus.CONTENT_TOO_LARGE, "submission.workbook.tooLarge",
                    Submissions.megabytes(MAX_BYTES));
        }
        if (EvidenceType.detect(content).orElse(null) != EvidenceType.XLSX) {
            throw UserFacingException.badInput("submission.workbook.notXlsx");
        }
        if (evaluationStore.cycle(cycleId).isEmpty()) {
            throw UserFacingException.notFound("evaluation.cycle.notFound", cycleId);
        }
        Map<String, SubmissionRules.Rule> specs = rules.forCycle(cycleId);
        Map<Long, String> names = new HashMap<>();
        evaluationStore.targets(cycleId).forEach(t -> names.put(t.institutionId(), t.name()));
        List<RowReport> reports = new ArrayList<>();
        Map<Long, Map<String, BigDecimal>> values = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        int errors = 0;
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getNumberOfSheets() == 0 ? null : workbook.getSheetAt(0);
            if (sheet == null || sheet.getLastRowNum() < 1) {
                throw UserFacingException.badInput("submission.workbook.empty");
            }
            if (sheet.getLastRowNum() > MAX_ROWS) {
                throw UserFacingException.badInput("submission.workbook.tooManyRows", MAX_ROWS);
            }
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || blank(row, formatter)) {
                    continue;
                }
                int shown = r + 1; // the row number Excel shows
                String idText = text(row.getCell(0), formatter);
                String code = text(row.getCell(2), formatter);
                Cell valueCell = row.getCell(4);
                String valueText = valueCell != null && valueCell.getCellType() == CellType.FORMULA
                        ? "=" + valueCell.getCellFormula() : text(valueCell, formatter);
                String institutionLabel = idText;
                String problem = null;
                Object[] args = {};
                Long institution = null;
                try {
                    institution = Long.parseLong(idText);
                    institutionLabel = names.getOrDefault(institution, idText);
                } catch (NumberFormatException e) {
                    problem = "submission.workbook.row.institution";
                    args = new Object[] {idText};
                }
                SubmissionRules.Rule spec = specs.get(code);
                if (problem == null && (!names.containsKey(institution) || !allowed.contains(institution))) {
                    problem = ownInstitution ? "submission.workbook.row.otherInstitution" : "submission.workbook.row.notTarget";
                    args = new Object[] {idText};
                } else if (problem == null && spec == null) {
                    problem = "submission.workbook.row.unknownIndicator";
                    args = new Object[] {code};
                } else if (problem == null && !spec.entersValue()) {
                    problem = "submission.workbook.row.notEntered";
                    args = new Object[] {code};
                }
                BigDecimal value = null;
                if (problem == null) {
                    if (valueCell != null && valueCell.getCellType() == CellType.FORMULA) {
                        problem = "submission.workbook.row.formula";
                    } else if (valueText.isBlank()) {
                        reports.add(new RowReport(shown, institutionLabel, code, "", true,
                                texts.korean("submission.workbook.row.skipped"), texts.english("submission.workbook.row.skipped")));
                        continue;
                    } else {
                        value = number(valueCell, valueText);
                        if (value == null) {
                            problem = "submission.workbook.row.number";
                            args = new Object[] {valueText};
                        }
                    }
                }
                if (problem == null) {
                    Integer before = seen.putIfAbsent(institution + "/" + code, shown);
                    if (before != null) {
                        problem = "submission.workbook.row.duplicate";
                        args = new Object[] {before};
                    }
                }
                if (problem != null) {
                    errors++;
                    reports.add(new RowReport(shown, institutionLabel, code, valueText, false, texts.korean(problem, args),
                            texts.english(problem, args)));
                } else {
                    values.computeIfAbsent(institution, k -> new LinkedHashMap<>()).put(code, value);
                    reports.add(new RowReport(shown, institutionLabel, code + " " + spec.indicator().name(), value.toPlainString(), true,
                            texts.korean("submission.workbook.row.ok"), texts.english("submission.workbook.row.ok")));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserFacingException user) {
                throw user;
            }
            throw UserFacingException.badInput("submission.workbook.unreadable");
        }
        return new Parsed(reports, values, errors);
    }

    private Report report(Parsed parsed, boolean applied) {
        int count = parsed.values().values().stream().mapToInt(Map::size).sum();
        String key = applied ? "submission.workbook.applied" : "submission.workbook.rejected";
        Object arg = applied ? count : parsed.errors();
        return new Report(applied, applied ? count : 0, parsed.errors(), parsed.rows(), texts.korean(key, arg),
                texts.english(key, arg));
    }

    private static boolean blank(Row row, DataFormatter formatter) {
        for (int c = 0; c < HEADER.size(); c++) {
            Cell cell = row.getCell(c);
            if (cell != null && (cell.getCellType() == CellType.FORMULA || !text(cell, formatter).isBlank())) {
                return false;
            }
        }
        return true;
    }

    private static String text(@Nullable Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        return formatter.formatCellValue(cell).strip();
    }

    private static @Nullable BigDecimal number(Cell cell, String text) {
        if (cell.getCellType() == CellType.BOOLEAN) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.replace(",", ""));
            return value.abs().compareTo(new BigDecimal("1e12")) >= 0 || value.scale() > 6 ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
