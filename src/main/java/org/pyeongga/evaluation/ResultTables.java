package org.pyeongga.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pyeongga.core.CsvCells;
import org.pyeongga.scoring.Explanation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A result run as a table for spreadsheets: group, rank, institution, total, grade, each item's score and grade (and,
 * for administrators, the rank interval). As CSV (UTF-8 with BOM, so Excel reads Korean) or as an Excel workbook
 * (xlsx). No text cell can run as a formula: a leading =, +, -, @, tab or CR gets a ' in front, in both formats.
 */
@Component
public class ResultTables {

    private final MessageSource messages;

    ResultTables(MessageSource messages) {
        this.messages = messages;
    }

    /** The table: a header and one line per institution (by group in the standard order, then rank). */
    public record Table(List<String> header, List<List<Object>> rows) {}

    public Table table(CycleResult result, boolean withIntervals, Locale locale) {
        List<String> items = new ArrayList<>();
        result.rows().forEach(r -> itemScores(r.explanation()).keySet().forEach(i -> {
            if (!items.contains(i)) {
                items.add(i);
            }
        }));
        List<String> gradedItems = result.rows().stream().flatMap(r -> r.itemGrades().keySet().stream()).distinct().toList();
        List<String> header = new ArrayList<>();
        for (String key : List.of("group", "rank", "institution", "total", "grade")) {
            header.add(text("results.export." + key, locale));
        }
        items.forEach(i -> header.add(text("results.export.itemScore", locale, i)));
        gradedItems.forEach(i -> header.add(text("results.export.itemGrade", locale, i)));
        if (withIntervals) {
            for (String key : List.of("p5", "p95", "median", "boundary")) {
                header.add(text("results.export." + key, locale));
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (String group : Publications.ordered(result.groups())) {
            for (var r : result.group(group)) {
                List<Object> cells = new ArrayList<>(List.of(r.group(), r.rank(), r.name(), r.total(),
                        r.grade() == null ? "" : r.grade()));
                Map<String, BigDecimal> scores = itemScores(r.explanation());
                items.forEach(i -> cells.add(scores.containsKey(i) ? scores.get(i) : ""));
                gradedItems.forEach(i -> cells.add(r.itemGrades().getOrDefault(i, "")));
                if (withIntervals) {
                    cells.addAll(List.of(r.p5Rank(), r.p95Rank(), r.medianRank(),
                            r.crossesGradeBoundary() ? text("results.export.boundary.yes", locale) : ""));
                }
                rows.add(cells);
            }
        }
        return new Table(header, rows);
    }

    /** CSV for Excel: BOM, quoted cells, CRLF lines. */
    public byte[] csv(Table table) {
        StringBuilder csv = new StringBuilder(CsvCells.BOM).append(CsvCells.line(table.header()));
        for (List<Object> row : table.rows()) {
            csv.append(CsvCells.line(row.stream().map(ResultTables::plain).toList()));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An Excel workbook with one sheet; numbers stay numbers, text is neutralized. */
    public byte[] xlsx(Table table, String sheetName) {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(sheetName));
            CellStyle bold = workbook.createCellStyle();
            var font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row head = sheet.createRow(0);
            for (int c = 0; c < table.header().size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(CsvCells.neutralized(table.header().get(c)));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(c, c == 2 ? 24 * 256 : 14 * 256);
            }
            for (int r = 0; r < table.rows().size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> cells = table.rows().get(r);
                for (int c = 0; c < cells.size(); c++) {
                    Object v = cells.get(c);
                    Cell cell = row.createCell(c);
                    if (v instanceof BigDecimal d) {
                        cell.setCellValue(d.doubleValue());
                    } else if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue(CsvCells.neutralized(String.valueOf(v)));
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each item's (항목) score in an explanation tree: the groups that hold indicators directly, in the tree's order. */
    public static Map<String, BigDecimal> itemScores(Explanation tree) {
        Map<String, BigDecimal> items = new LinkedHashMap<>();
        collect(tree, items);
        return items;
    }

    private static void collect(Explanation node, Map<String, BigDecimal> items) {
        if (!node.kind().equals("TOTAL") && node.parts().stream().anyMatch(p -> p.kind().equals("INDICATOR"))) {
            items.put(node.label(), node.value());
        }
        node.parts().forEach(p -> collect(p, items));
    }

    private static String plain(Object v) {
        return v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
