package org.pyeongga.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.pyeongga.scoring.Explanation;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Result tables for spreadsheets: no cell runs as a formula, CSV starts with a BOM, numbers stay numbers in xlsx. */
class ResultTablesTests {

    static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://evil\",\"클릭\")", "+1+1", "-2+3", "@SUM(A1)",
            "\tcmd", "\rcmd");

    private static ResultTables tables() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/messages", "messages/results");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new ResultTables(messages);
    }

    private static Explanation tree(BigDecimal a, BigDecimal b) {
        var indicatorA = new Explanation("INDICATOR", "지표 A", a, "y = x/100; 배점 50 × y", a, a, List.of(), "A1");
        var indicatorB = new Explanation("INDICATOR", "지표 B", b, "y = x/100; 배점 50 × y", b, b, List.of(), "B1");
        var itemA = new Explanation("GROUP", "=항목 가", a, "합계", null, null, List.of(indicatorA), null);
        var itemB = new Explanation("GROUP", "항목 나", b, "합계", null, null, List.of(indicatorB), null);
        var area = new Explanation("GROUP", "정량", a.add(b), "합계", null, null, List.of(itemA, itemB), null);
        return new Explanation("TOTAL", "총점", a.add(b), "총점", null, null, List.of(area), null);
    }

    private static CycleResult result() {
        var rows = new java.util.ArrayList<CycleResult.Row>();
        for (int i = 0; i < HOSTILE.size(); i++) {
            rows.add(new CycleResult.Row(100 + i, HOSTILE.get(i), i % 2 == 0 ? "시" : "군", new BigDecimal("-1.5").add(BigDecimal.valueOf(10 - i)),
                    i / 2 + 1, i == 0 ? "=우수" : "보통", Map.of("=항목 가", "가"), 1, 1, 2, false, Map.of(), tree(BigDecimal.valueOf(10 - i), new BigDecimal("-1.5"))));
        }
        return new CycleResult(1, 1, "규칙", "FLOOR", "동점", 10, 1, rows, List.of());
    }

    @Test
    void csvStartsWithABomAndNoCellRunsAsAFormula() {
        var table = tables().table(result(), false, Locale.KOREAN);
        String csv = new String(tables().csv(table), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF\"평가군\",\"순위\",\"기관\",\"총점\",\"등급\",\"항목 점수: =항목 가\"");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"클릭\"\")\"", "\"'+1+1\"", "\"'-2+3\"", "\"'@SUM(A1)\"",
                "\"'\tcmd\"", "\"'\rcmd\"", "\"'=우수\"");
        for (String line : csv.substring(1).split("\r\n")) {
            for (String cell : line.split(",(?=\")")) {
                assertThat(cell).as(line).doesNotStartWith("\"=").doesNotStartWith("\"+").doesNotStartWith("\"@")
                        .doesNotStartWith("\"-").doesNotStartWith("\"\t");
            }
        }
        assertThat(csv.split("\r\n")).hasSize(1 + HOSTILE.size());
        // groups in the standard order: 시 before 군
        assertThat(csv.split("\r\n")[1]).startsWith("\"시\",\"1\"");
    }

    @Test
    void xlsxNeutralizesTextAndKeepsNumbers() throws Exception {
        var table = tables().table(result(), true, Locale.ENGLISH);
        assertThat(table.header()).startsWith("Group", "Rank", "Institution", "Total", "Grade");
        byte[] bytes = tables().xlsx(table, "2024년(2023년 실적)");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Group");
            int formulas = 0;
            for (var row : sheet) {
                for (var cell : row) {
                    if (cell.getCellType() == CellType.FORMULA) {
                        formulas++;
                    }
                    if (cell.getCellType() == CellType.STRING) {
                        assertThat(cell.getStringCellValue()).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@")
                                .doesNotStartWith("-").doesNotStartWith("\t").doesNotStartWith("\r");
                    }
                }
            }
            assertThat(formulas).isZero();
            var first = sheet.getRow(1);
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://evil\",\"클릭\")");
            assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(8.5);
            assertThat(first.getCell(4).getStringCellValue()).isEqualTo("'=우수");
            assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("Item score: =항목 가");
        }
    }

    @Test
    void itemScoresAreTheGroupsThatHoldIndicators() {
        assertThat(ResultTables.itemScores(tree(BigDecimal.TEN, BigDecimal.ONE)))
                .containsExactly(Map.entry("=항목 가", BigDecimal.TEN), Map.entry("항목 나", BigDecimal.ONE));
    }
}
