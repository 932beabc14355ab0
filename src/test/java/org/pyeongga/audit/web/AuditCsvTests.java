package org.pyeongga.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CSV cells are quoted and can never run as spreadsheet formulas (CSV injection). */
class AuditCsvTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "=HYPERLINK(\"http://x\")|\"'=HYPERLINK(\"\"http://x\"\")\"",
        "+1+1|\"'+1+1\"",
        "-2|\"'-2\"",
        "@SUM(A1)|\"'@SUM(A1)\"",
        "보령시|\"보령시\"",
        "a,b|\"a,b\""
    })
    void neutralisesFormulasAndQuotes(String value, String expected) {
        assertThat(org.pyeongga.core.CsvCells.cell(value)).isEqualTo(expected);
    }
}
