package org.etlsuite.transformer.csv;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.etlsuite.model.csv.CsvFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

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
        assertThat(CsvFormat.line(List.of("Emiliano Zapata"))).isEqualTo("Emiliano Zapata\n");
        assertThat(CsvFormat.line(List.of("Centro, Downtown"))).isEqualTo("\"Centro, Downtown\"\n");
        assertThat(CsvFormat.line(List.of("the \"big\" one"))).isEqualTo("\"the \"\"big\"\" one\"\n");
        assertThat(CsvFormat.line(List.of("two\nlines"))).isEqualTo("\"two\nlines\"\n");
        assertThat(CsvFormat.line(List.of("cr\rhere"))).isEqualTo("\"cr\rhere\"\n");
        assertThat(CsvFormat.line(List.of(""))).isEqualTo("\n");
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

    @Test
    void shouldLeaveSpacesHashesAndEmptyFieldsUnquotedAndReadThemBack() {
        List<String> tricky = List.of("", " ", "#x", "a,b", "a\"b", "line\nbreak", "x ", CsvFormat.freeText("=1+2"));
        List<String> header = List.of("empty", "space", "hash", "comma", "quote", "break", "trailing", "formula");
        CsvDocument document = new CsvDocument(header, List.of(tricky), 1);

        String text = CsvFormat.render(document);

        assertThat(text).isEqualTo("empty,space,hash,comma,quote,break,trailing,formula\n"
                + ", ,#x,\"a,b\",\"a\"\"b\",\"line\nbreak\",x ,'=1+2\n");
        assertThat(records(text)).containsExactly(document.header(), tricky);
    }

    @Test
    void shouldQuoteExactlyTheFieldsRfc4180Requires() {
        // characters below ',' are the ones a looser check than RFC 4180's would quote as well
        String alphabet = "a ,\"\n\r#\t!$'()*+-=@\u00e9";
        Random random = new Random(4180);
        for (int n = 0; n < 20_000; n++) {
            List<String> fields = new ArrayList<>();
            for (int f = random.nextInt(4); f >= 0; f--) {
                StringBuilder field = new StringBuilder();
                for (int i = random.nextInt(6); i > 0; i--) {
                    field.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                fields.add(field.toString());
            }

            assertThat(CsvFormat.line(fields)).as("%s", fields).isEqualTo(rfc4180Record(fields));
        }
    }

    @Test
    void shouldWriteAnEmptyLineForARecordWithoutFields() {
        assertThat(CsvFormat.line(List.of())).isEqualTo("\n");
    }

    @Test
    void shouldStreamRecordsIntoTheTargetAndLeaveItOpen() {
        StringWriter out = new StringWriter();
        try (CsvFormat.RecordWriter csv = CsvFormat.writer(out)) {
            csv.write(List.of("a", "b"));
            csv.write(List.of("1", "x,y"));
        }
        out.write("still open");

        assertThat(out).hasToString("a,b\n1,\"x,y\"\nstill open");
    }

    /** The rule written out by hand: quote a field with a comma, a quote, CR or LF, doubling inner quotes. */
    private static String rfc4180Record(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            if (i > 0) {
                out.append(',');
            }
            boolean quote = field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r");
            out.append(quote ? '"' + field.replace("\"", "\"\"") + '"' : field);
        }
        return out.append('\n').toString();
    }

    private static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        try (JsonParser parser = CsvFiles.parser(text)) {
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                List<String> fields = new ArrayList<>();
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    fields.add(parser.getString());
                }
                records.add(fields);
            }
        }
        return records;
    }
}
