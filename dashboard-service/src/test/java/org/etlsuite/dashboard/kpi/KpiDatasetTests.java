package org.etlsuite.dashboard.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.etlsuite.dashboard.csv.CachedCsvFile;
import org.etlsuite.dashboard.csv.CsvFileSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class KpiDatasetTests {

    private final ObjectMapper json = JsonMapper.builder().build();

    @TempDir
    Path data;

    private KpiDataset dataset() {
        return new KpiDataset("totals", new CachedCsvFile<>(data, "processed/totals.csv", KpiTable::of));
    }

    private void write(String csv, Instant modified) throws IOException {
        Path file = data.resolve("processed/totals.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    @Test
    void shouldWriteTheJsonOfAVersionOnceAndAgainForTheNextVersion() throws IOException {
        KpiDataset totals = dataset();
        write("zone,total\nCentro,3\n", Instant.parse("2025-03-14T09:30:00Z"));

        CsvFileSnapshot.Loaded<KpiTable> first = totals.current();
        byte[] once = totals.json(first, json);
        byte[] again = totals.json(totals.current(), json);
        write("zone,total\nCentro,4\n", Instant.parse("2025-03-14T09:35:00Z"));
        byte[] next = totals.json(totals.current(), json);

        assertThat(again).isSameAs(once);
        assertThat(new String(once, StandardCharsets.UTF_8)).isEqualTo("{\"dataset\":\"totals\",\"path\":\"processed/totals.csv\","
                + "\"lastModified\":\"2025-03-14T09:30:00Z\",\"rows\":[{\"zone\":\"Centro\",\"total\":3}]}");
        assertThat(new String(next, StandardCharsets.UTF_8)).contains("\"lastModified\":\"2025-03-14T09:35:00Z\"")
                .contains("{\"zone\":\"Centro\",\"total\":4}");
    }
}
