package org.vetting.resources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cells of the CSV export that a spreadsheet would run as formulas are neutralised (OWASP CSV injection). */
class CsvCellTest {
    @Test
    void shouldPrefixFormulaCharacters_AndLeaveOtherCellsAlone() {
        for (String formula : new String[] {"=HYPERLINK(\"http://x\")", "+1+1", "-MX-1", "@SUM(A1)", "\tx", "\rx"}) {
            assertThat(Csv.cell(formula)).isEqualTo("'" + formula);
        }
        for (String plain : new String[] {"MX-1", "hr.lopez", "2026-11-27", "", "a=b"}) {
            assertThat(Csv.cell(plain)).isEqualTo(plain);
        }
        assertThat(Csv.cell(null)).isEmpty();
    }
}
