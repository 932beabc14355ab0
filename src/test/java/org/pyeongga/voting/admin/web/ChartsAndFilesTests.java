package org.pyeongga.voting.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Chart geometry, the tally files' formula neutralization, and the form's add/remove/reorder buttons. */
class ChartsAndFilesTests {

    @Test
    void columnsScaleToANiceCeilingAndKeepTheirValues() {
        var chart = Charts.columns(List.of("10:00", "10:01", "10:02"), List.of(3L, 40L, 0L), List.of(false, true, false));
        assertThat(chart.max()).isEqualTo(40);
        assertThat(chart.ticks().getLast().value()).isEqualTo(40);
        assertThat(chart.columns().get(1).marked()).isTrue();
        assertThat(chart.columns().get(1).height()).isGreaterThan(chart.columns().get(0).height());
        assertThat(chart.columns().get(2).height()).isZero();
        assertThat(chart.columns().get(1).y() + chart.columns().get(1).height()).isEqualTo(chart.baseline());
        assertThat(Charts.niceCeiling(0)).isZero();
        assertThat(Charts.niceCeiling(41)).isEqualTo(50);
        assertThat(Charts.niceCeiling(101)).isEqualTo(200);
        assertThat(Charts.columns(List.of(), List.of(), List.of()).columns()).isEmpty();
    }

    @Test
    void barsShowShareOfTheTotalAndWidthOfTheLargest() {
        var bars = Charts.bars(List.of("가", "나"), List.of(30L, 10L));
        assertThat(bars.get(0).widthPercent()).isEqualTo(100.0);
        assertThat(bars.get(1).widthPercent()).isEqualTo(33.3);
        assertThat(bars.get(0).sharePercent()).isEqualTo(75.0);
        assertThat(Charts.bars(List.of("가"), List.of(0L)).getFirst().widthPercent()).isZero();
    }

    @Test
    void csvAndXlsxNeutralizeFormulas() throws Exception {
        var table = new TallyFiles.Table(List.of("순위", "후보"), List.of(List.of(1, "=HYPERLINK(\"x\")"), List.of(2, "@SUM(A1)")));
        String csv = new String(TallyFiles.csv(table), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF").contains("\"'=HYPERLINK(\"\"x\"\")\"", "\"'@SUM(A1)\"");
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(TallyFiles.xlsx(table, "=결과")))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("'=HYPERLINK(\"x\")");
            assertThat(sheet.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(sheet.getRow(2).getCell(1).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
        }
    }

    @Test
    void theFormsButtonsAddRemoveAndReorderWithoutLosingText() {
        BallotForm form = BallotForm.blank();
        form.getOptions().get(0).setLabelKo("첫째");
        form.getOptions().get(1).setLabelKo("둘째");
        assertThat(form.applyEdit("addOption")).isTrue();
        assertThat(form.getOptions()).hasSize(3);
        assertThat(form.applyEdit("upOption:1")).isTrue();
        assertThat(form.getOptions().stream().map(BallotForm.OptionLine::getLabelKo)).containsExactly("둘째", "첫째", "");
        form.applyEdit("upOption:0");
        form.applyEdit("downOption:2");
        assertThat(form.getOptions().stream().map(BallotForm.OptionLine::getLabelKo)).containsExactly("둘째", "첫째", "");
        form.applyEdit("removeOption:0");
        form.applyEdit("removeOption:9");
        assertThat(form.getOptions().stream().map(BallotForm.OptionLine::getLabelKo)).containsExactly("첫째", "");
        form.applyEdit("addQuestion");
        form.getQuestions().getFirst().setOptionsKo(" 가 \n\n 나\n");
        assertThat(form.getQuestions().getFirst().optionLinesKo()).containsExactly("가", "나");
        assertThat(form.applyEdit("save")).isFalse();
        assertThat(form.applyEdit("removeOption:x")).isFalse();
        assertThat(form.applyEdit(null)).isFalse();
    }
}
