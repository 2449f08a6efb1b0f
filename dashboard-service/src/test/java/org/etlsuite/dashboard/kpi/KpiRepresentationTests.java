package org.etlsuite.dashboard.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.etlsuite.dashboard.csv.CsvFileSnapshot;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class KpiRepresentationTests {

    private static KpiRepresentation asked(String accept) {
        return KpiRepresentation.of(MediaType.parseMediaTypes(accept));
    }

    @Test
    void shouldAnswerJsonToAClientThatAcceptsAnything() {
        assertThat(asked("*/*")).isEqualTo(KpiRepresentation.JSON);
        assertThat(asked("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).isEqualTo(KpiRepresentation.JSON);
        assertThat(asked("application/json")).isEqualTo(KpiRepresentation.JSON);
    }

    @Test
    void shouldAnswerCsvToAClientThatPrefersIt() {
        assertThat(asked("text/csv")).isEqualTo(KpiRepresentation.CSV);
        assertThat(asked("text/csv, */*")).isEqualTo(KpiRepresentation.CSV);
        assertThat(asked("text/*")).isEqualTo(KpiRepresentation.CSV);
        assertThat(asked("application/json;q=0.5, text/csv")).isEqualTo(KpiRepresentation.CSV);
    }

    @Test
    void shouldAnswerJsonWhenCsvIsLessWantedOrRefused() {
        assertThat(asked("text/csv;q=0.5, application/json")).isEqualTo(KpiRepresentation.JSON);
        assertThat(asked("text/csv;q=0, */*")).isEqualTo(KpiRepresentation.JSON);
        assertThat(asked("text/csv;q=0")).isEqualTo(KpiRepresentation.JSON);
        assertThat(asked("text/csv, application/json")).isEqualTo(KpiRepresentation.JSON);
        assertThat(asked("image/png")).isEqualTo(KpiRepresentation.JSON);
    }

    @Test
    void shouldTellEachVersionAndFormApartInTheETag() {
        Instant written = Instant.parse("2025-03-14T09:30:00Z");
        CsvFileSnapshot.Loaded<String> version = new CsvFileSnapshot.Loaded<>(Path.of("kpi.csv"), written, 91, "rows");
        CsvFileSnapshot.Loaded<String> longer = new CsvFileSnapshot.Loaded<>(Path.of("kpi.csv"), written, 92, "rows");
        CsvFileSnapshot.Loaded<String> later = new CsvFileSnapshot.Loaded<>(Path.of("kpi.csv"), written.plusNanos(1), 91, "rows");

        // 2025-03-14T09:30:00Z is 0x182ca1626d68f000 nanoseconds after the epoch
        assertThat(KpiRepresentation.JSON.etag(version)).isEqualTo("\"5b-182ca1626d68f000-json\"");
        assertThat(KpiRepresentation.CSV.etag(version)).isEqualTo("\"5b-182ca1626d68f000-csv\"");
        assertThat(List.of(KpiRepresentation.JSON.etag(longer), KpiRepresentation.JSON.etag(later)))
                .containsExactly("\"5c-182ca1626d68f000-json\"", "\"5b-182ca1626d68f001-json\"");
    }
}
