package org.etlsuite.dashboard.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.etlsuite.dashboard.csv.CsvRecord;

/**
 * How the KPI API writes the values of one column as JSON. The one rule for the whole API: a money column is known
 * by its name, any other column is a number when every value of the file in it is one.
 */
enum ColumnKind {

    /** An amount of money, as a string with two decimals ("9600.50"): a JSON number would invite binary rounding. */
    MONEY {
        @Override
        Object json(CsvRecord record, String column) {
            String value = record.get(column);
            if (value.isEmpty()) {
                return null;
            }
            if (!CsvRecord.isDecimal(value)) {
                throw record.error("column '" + column + "': '" + value + "' is not an amount of money");
            }
            // rounded as the pages' "%.2f" rounds; the transformer writes two decimals already
            return new BigDecimal(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
    },

    /** A JSON number written as the file writes it (120.5 stays 120.5, 40.0 stays 40.0). */
    NUMBER {
        @Override
        Object json(CsvRecord record, String column) {
            return record.get(column).isEmpty() ? null : record.getDecimal(column);
        }
    },

    TEXT {
        @Override
        Object json(CsvRecord record, String column) {
            String value = record.get(column);
            return value.isEmpty() ? null : value;
        }
    };

    /**
     * The last word of a money column's name: {@code total_revenue}, {@code revenue}, {@code unit_price},
     * {@code base_fare}; not {@code fare_type} or {@code price_tier}, which name kinds of fares and prices.
     */
    private static final Set<String> MONEY_WORDS = Set.of("revenue", "revenues", "fare", "fares", "price", "prices", "amount");

    /** The value of the column in one record; an empty field is null whatever the column. */
    abstract Object json(CsvRecord record, String column);

    /** @param values every value of the file in the column */
    static ColumnKind of(String column, List<String> values) {
        String[] words = column.toLowerCase(Locale.ROOT).split("_");
        if (MONEY_WORDS.contains(words[words.length - 1])) {
            return MONEY;
        }
        List<String> present = values.stream().filter(value -> !value.isEmpty()).toList();
        return !present.isEmpty() && present.stream().allMatch(CsvRecord::isDecimal) ? NUMBER : TEXT;
    }
}
