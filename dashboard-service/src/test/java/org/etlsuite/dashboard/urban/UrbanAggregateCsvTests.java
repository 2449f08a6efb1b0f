package org.etlsuite.dashboard.urban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;

import org.etlsuite.dashboard.csv.CsvFormatException;
import org.etlsuite.dashboard.csv.CsvReader;
import org.junit.jupiter.api.Test;

class UrbanAggregateCsvTests {

    private static List<UrbanAggregate> rows(String csv) throws IOException {
        return UrbanAggregateCsv.rows(CsvReader.parse("agg.csv", new StringReader(csv)));
    }

    @Test
    void shouldMapColumnsByHeaderName() throws IOException {
        assertThat(rows(UrbanSamples.SAMPLE).get(2)).isEqualTo(new UrbanAggregate(
                "Emiliano Zapata", LocalDate.of(2025, 3, 13), 7, 2000, 150.0, 20.5, 50.0, 70.0, 58.0, 72.5));
    }

    @Test
    void shouldTreatEmptyFileAndHeaderOnlyFileAsNoRows() throws IOException {
        assertThat(rows("")).isEmpty();
        assertThat(rows(UrbanSamples.HEADER_ONLY)).isEmpty();
    }

    @Test
    void shouldNameMissingColumns() {
        assertThatThrownBy(() -> rows("location,day,hour,readings,vehicle_count,avg_speed_kmh,pm25,pm10\nCentro,2025-03-13,7,1,1,1,1,1\n"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("agg.csv line 1: missing column(s) 'pollution_idx', 'noise_db' in header "
                        + "[location,day,hour,readings,vehicle_count,avg_speed_kmh,pm25,pm10]");
    }

    @Test
    void shouldNameLineOfMalformedNumber() {
        assertThatThrownBy(() -> rows(UrbanSamples.MALFORMED))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("agg.csv line 3: column 'pm25': 'abc' is not a number");
    }

    @Test
    void shouldRejectHourOutsideTheDay() {
        assertThatThrownBy(() -> rows(UrbanSamples.HEADER_ONLY + "Centro,2025-03-13,24,3,1,1,1,1,1,1\n"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("agg.csv line 2: column 'hour': 24 is not an hour of the day (0..23)");
    }

    @Test
    void shouldRejectNegativeReadingsAndBlankLocation() {
        assertThatThrownBy(() -> rows(UrbanSamples.HEADER_ONLY + "Centro,2025-03-13,1,-3,1,1,1,1,1,1\n"))
                .hasMessage("agg.csv line 2: column 'readings': -3 is negative");
        assertThatThrownBy(() -> rows(UrbanSamples.HEADER_ONLY + ",2025-03-13,1,3,1,1,1,1,1,1\n"))
                .hasMessage("agg.csv line 2: column 'location' is empty");
    }
}
