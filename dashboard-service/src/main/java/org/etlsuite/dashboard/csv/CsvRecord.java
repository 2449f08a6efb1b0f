package org.etlsuite.dashboard.csv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * One data record. Typed getters look columns up by header name and turn bad values into a
 * {@link CsvFormatException} that names file, line, column and the offending text.
 */
public final class CsvRecord {

    // optionally with an exponent, as Double.toString writes 1.0E-4 for small means
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private final String source;
    private final long line;
    private final Map<String, Integer> index;
    private final List<String> values;

    CsvRecord(String source, long line, Map<String, Integer> index, List<String> values) {
        this.source = source;
        this.line = line;
        this.index = index;
        this.values = List.copyOf(values);
    }

    /** Physical line (1-based, header is line 1) where this record starts. */
    public long line() {
        return line;
    }

    public List<String> values() {
        return values;
    }

    public String get(String column) {
        Integer position = index.get(column);
        if (position == null) {
            throw error("no column '" + column + "' in header");
        }
        return values.get(position);
    }

    public String getNonBlank(String column) {
        String value = get(column);
        if (value.isBlank()) {
            throw error("column '" + column + "' is empty");
        }
        return value;
    }

    /**
     * Whether the text is a number as the KPI files write them: a plain decimal, optionally with an exponent.
     * Stricter than {@link Double#parseDouble}, which would also take "NaN", "Infinity", "0x1p3" or "1d".
     */
    public static boolean isDecimal(String text) {
        return DECIMAL.matcher(text).matches();
    }

    public double getDouble(String column) {
        String value = get(column);
        if (!isDecimal(value)) {
            throw error("column '" + column + "': '" + value + "' is not a number");
        }
        return Double.parseDouble(value);
    }

    /** An empty field is absent, as writers leave ratios without a denominator empty. */
    public OptionalDouble getOptionalDouble(String column) {
        return get(column).isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(getDouble(column));
    }

    /** Exact decimal, for money: sums of many amounts stay exact to the cent. */
    public BigDecimal getDecimal(String column) {
        String value = get(column);
        if (!isDecimal(value)) {
            throw error("column '" + column + "': '" + value + "' is not a number");
        }
        return new BigDecimal(value);
    }

    public long getLong(String column) {
        String value = get(column);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw error("column '" + column + "': '" + value + "' is not a whole number");
        }
    }

    /** A whole number of at least 0, for counts of events, trips or passengers. */
    public long getCount(String column) {
        long count = getLong(column);
        if (count < 0) {
            throw error("column '" + column + "': " + count + " is negative");
        }
        return count;
    }

    public LocalDate getDate(String column) {
        String value = get(column);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw error("column '" + column + "': '" + value + "' is not a date (yyyy-MM-dd)");
        }
    }

    /** An error about this record, for checks the caller makes on top of the typed getters. */
    public CsvFormatException error(String detail) {
        return new CsvFormatException(source, line, detail);
    }

    @Override
    public String toString() {
        return source + ":" + line + " " + values;
    }
}
