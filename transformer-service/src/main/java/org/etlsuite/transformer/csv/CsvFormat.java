package org.etlsuite.transformer.csv;

import java.math.BigDecimal;
import java.util.List;

/**
 * Formatting of the KPI files: UTF-8, comma separated, LF line ends, a header row first, fields
 * quoted per RFC 4180 only when they contain a comma, a quote or a line break.
 */
public final class CsvFormat {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvFormat() {
    }

    public static String render(CsvDocument document) {
        StringBuilder out = new StringBuilder(64 * (document.rows().size() + 1));
        appendRecord(out, document.header());
        for (List<String> row : document.rows()) {
            appendRecord(out, row);
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

    /** One record with its line end, for files written row by row. */
    public static String line(List<String> fields) {
        StringBuilder out = new StringBuilder(16 * fields.size());
        appendRecord(out, fields);
        return out.toString();
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

    /** A field quoted per RFC 4180 when it has to be. */
    public static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static void appendRecord(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append('\n');
    }
}
