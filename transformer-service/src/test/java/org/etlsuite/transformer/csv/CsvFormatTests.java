package org.etlsuite.transformer.csv;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvFormatTests {

    @ParameterizedTest
    @CsvSource({
            "12.0, 12.0",
            "0.1, 0.1",
            "57.70400000000001, 57.70400000000001",
            "3.3333333333333335, 3.3333333333333335",
            "0.00001, 0.00001",
            "0.000123456789, 0.000123456789",
            "15000000.0, 15000000",
            "-0.5, -0.5"
    })
    void shouldWriteDecimalsPlainWithEveryDigitNeededToReadThemBack(double value, String expected) {
        String text = CsvFormat.decimal(value);

        assertThat(text).isEqualTo(expected).doesNotContain("E");
        assertThat(Double.parseDouble(text)).isEqualTo(value);
    }

    @Test
    void shouldUseDotAsDecimalSeparatorWhateverTheDefaultLocale() {
        Locale previous = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertThat(CsvFormat.decimal(1234.5)).isEqualTo("1234.5");
        } finally {
            Locale.setDefault(previous);
        }
    }

    @Test
    void shouldRefuseNonFiniteNumbers() {
        assertThatThrownBy(() -> CsvFormat.decimal(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CsvFormat.decimal(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldQuoteOnlyFieldsWithCommaQuoteOrLineBreak() {
        assertThat(CsvFormat.field("Emiliano Zapata")).isEqualTo("Emiliano Zapata");
        assertThat(CsvFormat.field("Centro, Downtown")).isEqualTo("\"Centro, Downtown\"");
        assertThat(CsvFormat.field("the \"big\" one")).isEqualTo("\"the \"\"big\"\" one\"");
        assertThat(CsvFormat.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvFormat.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
        assertThat(CsvFormat.field("")).isEmpty();
    }

    @Test
    void shouldPrefixFreeTextThatASpreadsheetWouldRunAsAFormula() {
        assertThat(CsvFormat.freeText("=1+2")).isEqualTo("'=1+2");
        assertThat(CsvFormat.freeText("+1")).isEqualTo("'+1");
        assertThat(CsvFormat.freeText("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvFormat.freeText("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvFormat.freeText("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvFormat.freeText("\rcmd")).isEqualTo("'\rcmd");
        assertThat(CsvFormat.freeText("sensor-1=2")).isEqualTo("sensor-1=2");
        assertThat(CsvFormat.freeText("Blender 3000")).isEqualTo("Blender 3000");
    }

    @Test
    void shouldLeaveEmptyFreeTextEmpty() {
        assertThat(CsvFormat.freeText("")).isEmpty();
    }

    @Test
    void shouldRenderHeaderThenRowsWithLfLineEnds() {
        CsvDocument document = new CsvDocument(List.of("zone", "note"),
                List.of(List.of("Centro (Downtown)", "a, b"), List.of("Caucel", "say \"hi\"")), 2);

        assertThat(CsvFormat.render(document)).isEqualTo("zone,note\nCentro (Downtown),\"a, b\"\nCaucel,\"say \"\"hi\"\"\"\n");
    }

    @Test
    void shouldRefuseRowsWhoseWidthDiffersFromTheHeader() {
        assertThatThrownBy(() -> new CsvDocument(List.of("a", "b"), List.of(List.of("1")), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 0 has 1 fields but the header has 2");
    }
}
