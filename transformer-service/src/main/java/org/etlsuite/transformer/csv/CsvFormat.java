package org.etlsuite.transformer.csv;

import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import org.etlsuite.model.csv.CsvFiles;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.exc.JacksonIOException;

/**
 * Formatting of the KPI files in the suite's CSV dialect ({@link CsvFiles}): UTF-8, comma separated, LF
 * line ends, a header row first, fields quoted per RFC 4180 only when they contain a comma, a quote or a
 * line break.
 */
public final class CsvFormat {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvFormat() {
    }

    public static String render(CsvDocument document) {
        StringWriter out = new StringWriter(64 * (document.rows().size() + 1));
        try (RecordWriter csv = writer(out)) {
            csv.write(document.header());
            for (List<String> row : document.rows()) {
                csv.write(row);
            }
        }
        return out.toString();
    }

    /**
     * A double as plain decimal text with all the digits needed to read back the same double
     * ({@link Double#toString(double)}'s shortest form), never in exponent notation, '.' as decimal
     * separator whatever the default locale.
     */
    public static String decimal(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        String shortest = Double.toString(value);
        if (shortest.indexOf('E') < 0) {
            return shortest;
        }
        return new BigDecimal(shortest).stripTrailingZeros().toPlainString();
    }

    /**
     * Free text from an event, neutralised against formula injection (OWASP "CSV injection"): a
     * spreadsheet opening the file would run a cell starting with {@code = + - @}, a tab or a carriage
     * return as a formula, so such a cell gets a leading single quote, which spreadsheets show as
     * text. Only for free-text columns: in a numeric column a leading minus is a negative number.
     */
    public static String freeText(String value) {
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** One record with its line end, for a file put together line by line. */
    public static String line(List<String> fields) {
        StringWriter out = new StringWriter(16 * fields.size());
        try (RecordWriter csv = writer(out)) {
            csv.write(fields);
        }
        return out.toString();
    }

    /**
     * Records streamed to {@code out}, for files written row by row: one generator for the whole file.
     * Closing it flushes into {@code out} and leaves {@code out} open.
     */
    public static RecordWriter writer(Writer out) {
        return new RecordWriter(CsvFiles.generator(out));
    }

    /** Writes records, each with its line end; fails with an {@link UncheckedIOException} when the target does. */
    public static final class RecordWriter implements AutoCloseable {

        private final JsonGenerator generator;

        private RecordWriter(JsonGenerator generator) {
            this.generator = generator;
        }

        public void write(List<String> fields) {
            try {
                if (fields.isEmpty()) {
                    // Jackson writes nothing for a record without fields; the file has always had an empty line
                    generator.writeRaw('\n');
                    return;
                }
                generator.writeStartArray();
                for (String field : fields) {
                    // a missing value is written as an empty string by the caller, never guessed here
                    generator.writeString(Objects.requireNonNull(field, "a CSV field is null"));
                }
                generator.writeEndArray();
            } catch (JacksonIOException e) {
                throw new UncheckedIOException(e.getCause());
            }
        }

        @Override
        public void close() {
            try {
                generator.close();
            } catch (JacksonIOException e) {
                throw new UncheckedIOException(e.getCause());
            }
        }
    }
}
