package org.etlsuite.dashboard.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

class CsvReaderTests {

    private static CsvTable parse(String text) throws IOException {
        return CsvReader.parse("sample.csv", new StringReader(text));
    }

    @Test
    void shouldReadHeaderAndRecordsByColumnName() throws IOException {
        CsvTable table = parse("location,readings\nCentro,3\nCaucel,5\n");

        assertThat(table.header()).containsExactly("location", "readings");
        assertThat(table.records()).hasSize(2);
        assertThat(table.records().get(1).get("location")).isEqualTo("Caucel");
        assertThat(table.records().get(1).getLong("readings")).isEqualTo(5L);
        assertThat(table.records()).extracting(CsvRecord::line).containsExactly(2L, 3L);
    }

    @Test
    void shouldUnquoteFieldsWithCommasDoubledQuotesAndLineBreaks() throws IOException {
        CsvTable table = parse("name,note\n"
                + "\"Centro, Histórico\",\"say \"\"hello\"\"\"\n"
                + "\"Multi\nline\",plain\n"
                + "after,\"\"\n");

        assertThat(table.records()).extracting(CsvRecord::values).containsExactly(
                List.of("Centro, Histórico", "say \"hello\""),
                List.of("Multi\nline", "plain"),
                List.of("after", ""));
        // the quoted line break moves the next record to physical line 5
        assertThat(table.records()).extracting(CsvRecord::line).containsExactly(2L, 3L, 5L);
    }

    @Test
    void shouldAcceptCrLfLineEndsAndMissingFinalLineBreak() throws IOException {
        CsvTable table = parse("a,b\r\n1,\"x\r\ny\"\r\n2,z");

        assertThat(table.records()).extracting(CsvRecord::values)
                .containsExactly(List.of("1", "x\r\ny"), List.of("2", "z"));
        assertThat(table.records().get(1).line()).isEqualTo(4L);
    }

    @Test
    void shouldSkipBlankLinesAndStripByteOrderMark() throws IOException {
        CsvTable table = parse("\uFEFFlocation,hour\n\nCentro,7\n\n\nCaucel,8\n\n");

        assertThat(table.header()).containsExactly("location", "hour");
        assertThat(table.records()).extracting(CsvRecord::line).containsExactly(3L, 6L);
    }

    @Test
    void shouldReturnTableWithoutHeaderForEmptyInput() throws IOException {
        CsvTable table = parse("");

        assertThat(table.hasHeader()).isFalse();
        assertThat(table.records()).isEmpty();
    }

    @Test
    void shouldNameFileAndLineWhenFieldCountDiffersFromHeader() {
        assertThatThrownBy(() -> parse("a,b\n1,2\n3\n"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("sample.csv line 3: expected 2 fields as in the header but found 1")
                .satisfies(e -> {
                    CsvFormatException error = (CsvFormatException) e;
                    assertThat(error.source()).isEqualTo("sample.csv");
                    assertThat(error.line()).isEqualTo(3L);
                });
    }

    @Test
    void shouldRejectUnterminatedQuoteAtTheLineWhereTheRecordStarts() {
        assertThatThrownBy(() -> parse("a,b\n1,2\n3,\"open\n4,5\n"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("sample.csv line 3: quoted field is never closed");
    }

    @Test
    void shouldRejectQuoteInsideUnquotedField() {
        assertThatThrownBy(() -> parse("a,b\n1,ab\"c\n"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageStartingWith("sample.csv line 2: quote inside an unquoted field");
    }

    @Test
    void shouldRejectTextAfterClosingQuote() {
        assertThatThrownBy(() -> parse("a,b\n\"x\"y,1\n"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("sample.csv line 2: unexpected character 'y' after a closing quote");
    }

    @Test
    void shouldRejectSpaceAfterClosingQuote() {
        assertThatThrownBy(() -> parse("a,b\n1,\"x\"\t \n"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("sample.csv line 2: unexpected character '\t' after a closing quote");
        assertThatThrownBy(() -> parse("a,b\n\"x\" ,1\n"))
                .hasMessage("sample.csv line 2: unexpected character ' ' after a closing quote");
        assertThatThrownBy(() -> parse("a,b\n\"x\"  y,1\n"))
                .hasMessage("sample.csv line 2: unexpected character ' ' after a closing quote");
    }

    @Test
    void shouldReadBackWhatTheTransformerWritesForTrickyFields() throws IOException {
        // the transformer's output for these fields, as its CsvFormatTests pins it
        CsvTable table = parse("empty,space,hash,comma,quote,break,trailing,formula\n"
                + ", ,#x,\"a,b\",\"a\"\"b\",\"line\nbreak\",x ,'=1+2\n"
                + "after,the,break,is,on,line,four,.\n");

        assertThat(table.header()).containsExactly("empty", "space", "hash", "comma", "quote", "break", "trailing", "formula");
        assertThat(table.records()).extracting(CsvRecord::values).containsExactly(
                List.of("", " ", "#x", "a,b", "a\"b", "line\nbreak", "x ", "'=1+2"),
                List.of("after", "the", "break", "is", "on", "line", "four", "."));
        assertThat(table.records()).extracting(CsvRecord::line).containsExactly(2L, 4L);
    }

    /**
     * The library reads the text in segments of a few thousand characters: the positions the strict checks use
     * must hold across a segment's end, for a quoted field that spans it and for a stray space just after it.
     */
    @Test
    void shouldKeepItsChecksAndLinesAcrossTheLibrarysBufferBoundaries() throws IOException {
        StringBuilder text = new StringBuilder("a,b\n");
        int row = 0;
        while (text.length() < 3990) {
            text.append(row).append(",plain\n");
            row++;
        }
        String spanning = "x".repeat(40) + "\r\n" + "\"" + "y".repeat(9000);
        text.append(row).append(",\"").append(spanning.replace("\"", "\"\"")).append("\"\n");
        text.append("last,\"z\"\n");
        String file = text.toString();
        CsvTable table = parse(file);

        assertThat(table.records()).hasSize(row + 2);
        assertThat(table.records().get(row).values()).containsExactly(Integer.toString(row), spanning);
        assertThat(table.records().getLast().values()).containsExactly("last", "z");
        assertThat(table.records().getLast().line()).isEqualTo(row + 4L);

        long nextLine = row + 5L;
        assertThatThrownBy(() -> parse(file + "after,\"z\" \n"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("sample.csv line " + nextLine + ": unexpected character ' ' after a closing quote");
        assertThatThrownBy(() -> parse(file + "after,a\"b\n"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageStartingWith("sample.csv line " + nextLine + ": quote inside an unquoted field");
    }

    /** The library counts the lines: wherever its buffers split a quoted field, the records keep their lines. */
    @Test
    void shouldCountLinesExactlyWhereverALineBreakInsideAQuotedFieldFalls() throws IOException {
        for (String lineBreak : List.of("\r\n", "\r", "\n")) {
            for (int at = 0; at <= 4200; at++) {
                String value = "y".repeat(at) + lineBreak + "y".repeat(4200 - at);
                String file = "a,b\n1,\"" + value + "\"\nnext,z\n";
                CsvTable table = parse(file);
                assertThat(table.records()).extracting(CsvRecord::line).as("%s at %d", lineBreak.length(), at)
                        .containsExactly(2L, 4L);
                assertThat(table.records().getFirst().values()).containsExactly("1", value);
            }
        }
        assertThatThrownBy(() -> parse("a,b\n1,\"" + "y".repeat(3999) + "\r\ny\"\nnext,\"z\"x\n"))
                .hasMessage("sample.csv line 4: unexpected character 'x' after a closing quote");
    }

    @Test
    void shouldRejectDuplicateHeaderColumns() {
        assertThatThrownBy(() -> parse("a,b,a\n1,2,3\n"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("sample.csv line 1: duplicate column 'a' in header");
    }

    @Test
    void shouldListEveryMissingColumn() throws IOException {
        CsvTable table = parse("location,day\nCentro,2025-03-13\n");

        assertThatThrownBy(() -> table.requireColumns("location", "readings", "day", "noise_db"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("sample.csv line 1: missing column(s) 'readings', 'noise_db' in header [location,day]");
    }

    @Test
    void shouldMapRecordsToRowsInFileOrder() throws IOException {
        CsvTable table = parse("readings,location\n3,Centro\n5,Caucel\n");

        assertThat(table.rows(List.of("location", "readings"), record -> record.get("location") + "=" + record.getLong("readings")))
                .containsExactly("Centro=3", "Caucel=5");
    }

    @Test
    void shouldTreatFileWithoutHeaderAsNoRowsButRequireColumnsOtherwise() throws IOException {
        assertThat(parse("").rows(List.of("location"), record -> record.get("location"))).isEmpty();

        assertThatThrownBy(() -> parse("day\n").rows(List.of("location"), record -> record.get("location")))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("sample.csv line 1: missing column(s) 'location' in header [day]");
    }

    @Test
    void shouldParsePlainAndExponentDecimals() throws IOException {
        CsvRecord record = parse("a,b,c,d\n71.25,-3,1.0E-4,.5\n").records().getFirst();

        assertThat(record.getDouble("a")).isEqualTo(71.25);
        assertThat(record.getDouble("b")).isEqualTo(-3.0);
        assertThat(record.getDouble("c")).isEqualTo(1.0E-4);
        assertThat(record.getDouble("d")).isEqualTo(0.5);
    }

    @Test
    void shouldNameFileLineColumnAndValueForMalformedNumbers() throws IOException {
        CsvTable table = parse("pm25,readings,day,n\n12.5,3,2025-03-13,1\nabc,x,13/03/2025,NaN\n");
        CsvRecord bad = table.records().get(1);

        assertThatThrownBy(() -> bad.getDouble("pm25"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("sample.csv line 3: column 'pm25': 'abc' is not a number");
        assertThatThrownBy(() -> bad.getDouble("n"))
                .hasMessage("sample.csv line 3: column 'n': 'NaN' is not a number");
        assertThatThrownBy(() -> bad.getLong("readings"))
                .hasMessage("sample.csv line 3: column 'readings': 'x' is not a whole number");
        assertThatThrownBy(() -> bad.getDate("day"))
                .hasMessage("sample.csv line 3: column 'day': '13/03/2025' is not a date (yyyy-MM-dd)");
        assertThat(table.records().getFirst().getDate("day")).isEqualTo(LocalDate.of(2025, 3, 13));
    }

    @Test
    void shouldReadMoneyAsExactDecimalKeepingItsScale() throws IOException {
        CsvRecord record = parse("revenue,bad\n1234567.10,\"12,5\"\n").records().getFirst();

        assertThat(record.getDecimal("revenue")).isEqualTo(new BigDecimal("1234567.10"));
        assertThatThrownBy(() -> record.getDecimal("bad"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("sample.csv line 2: column 'bad': '12,5' is not a number");
    }

    @Test
    void shouldRejectNegativeCount() throws IOException {
        CsvTable table = parse("trips\n0\n-1\n");

        assertThat(table.records().get(0).getCount("trips")).isZero();
        assertThatThrownBy(() -> table.records().get(1).getCount("trips"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("sample.csv line 3: column 'trips': -1 is negative");
    }

    @Test
    void shouldReadEmptyFieldAsAbsentNumber() throws IOException {
        CsvTable table = parse("rate\n\"\"\n0.25\nx\n");

        assertThat(table.records().get(0).getOptionalDouble("rate")).isEmpty();
        assertThat(table.records().get(1).getOptionalDouble("rate")).isEqualTo(OptionalDouble.of(0.25));
        assertThatThrownBy(() -> table.records().get(2).getOptionalDouble("rate"))
                .hasMessage("sample.csv line 4: column 'rate': 'x' is not a number");
    }

    @Test
    void shouldRejectLookupOfUnknownColumn() throws IOException {
        CsvRecord record = parse("a\n1\n").records().getFirst();

        assertThatThrownBy(() -> record.get("b"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("sample.csv line 2: no column 'b' in header");
    }
}
