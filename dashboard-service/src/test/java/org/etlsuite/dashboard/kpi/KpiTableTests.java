package org.etlsuite.dashboard.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.etlsuite.dashboard.csv.CsvFormatException;
import org.etlsuite.dashboard.csv.CsvReader;
import org.junit.jupiter.api.Test;

class KpiTableTests {

    private static KpiTable table(String csv) throws IOException {
        return KpiTable.of(CsvReader.parse("kpi.csv", new StringReader(csv)));
    }

    /** A row from its keys and values, nulls allowed (which Map.of refuses). */
    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    @Test
    void shouldWriteMoneyByColumnNameWithTwoDecimalsRoundedHalfUp() throws IOException {
        KpiTable table = table("""
                fare_type,base_fare,total_revenue,unit_price
                Student,7,12.345,0.5
                Regular,12.5,-3.004,
                """);

        assertThat(table.rows()).containsExactly(
                row("fare_type", "Student", "base_fare", "7.00", "total_revenue", "12.35", "unit_price", "0.50"),
                row("fare_type", "Regular", "base_fare", "12.50", "total_revenue", "-3.00", "unit_price", null));
    }

    @Test
    void shouldWriteAColumnOfNumbersAsTheFileWritesThem() throws IOException {
        KpiTable table = table("""
                hour,mean,share
                7,40.0,1.0E-4
                8,0.25,
                """);

        assertThat(table.rows()).containsExactly(
                row("hour", new BigDecimal("7"), "mean", new BigDecimal("40.0"), "share", new BigDecimal("1.0E-4")),
                row("hour", new BigDecimal("8"), "mean", new BigDecimal("0.25"), "share", null));
        assertThat(table.rows().getFirst().get("mean").toString()).isEqualTo("40.0");
    }

    @Test
    void shouldKeepAColumnAsTextWhenOneOfItsValuesIsNoNumber() throws IOException {
        KpiTable table = table("""
                zone,day,empty
                12,2025-03-13,
                Centro,2025-03-14,
                """);

        assertThat(table.columns()).containsExactly("zone", "day", "empty");
        assertThat(table.rows()).containsExactly(
                row("zone", "12", "day", "2025-03-13", "empty", null),
                row("zone", "Centro", "day", "2025-03-14", "empty", null));
        assertThat(table.rows().getFirst().keySet()).containsExactly("zone", "day", "empty");
    }

    @Test
    void shouldRefuseMoneyThatIsNoNumberNamingFileAndLine() {
        assertThatThrownBy(() -> table("category,total_revenue\nhome,12.00\ntoys,n/a\n"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("kpi.csv line 3: column 'total_revenue': 'n/a' is not an amount of money");
    }

    @Test
    void shouldHaveNeitherColumnsNorRowsForAFileWithoutHeader() throws IOException {
        KpiTable table = table("");

        assertThat(table.columns()).isEmpty();
        assertThat(table.rows()).isEmpty();
    }

    @Test
    void shouldNameTheMoneyColumnsOfTheKpiFiles() {
        assertThat(Arrays.stream("total_revenue revenue fares unit_price purchase_amount".split(" "))
                .map(column -> ColumnKind.of(column, java.util.List.of("1.00"))))
                .containsOnly(ColumnKind.MONEY);
        assertThat(Arrays.stream("fare_type price_tier total_trips peak_hour_share".split(" "))
                .map(column -> ColumnKind.of(column, java.util.List.of("1.00"))))
                .containsOnly(ColumnKind.NUMBER);
    }
}
