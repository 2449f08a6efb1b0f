package org.etlsuite.dashboard.kpi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.List;

import org.etlsuite.dashboard.csv.CachedCsvFile;
import org.etlsuite.dashboard.csv.CsvFileSnapshot;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.ObjectMapper;

/** One KPI file of a dashboard page, as the KPI API offers it. */
final class KpiDataset {

    private final String name;
    private final CachedCsvFile<KpiTable> file;
    private volatile Serialized serialized;

    /** The JSON of one version of the file. */
    private record Serialized(CsvFileSnapshot.Loaded<KpiTable> version, byte[] json) {
    }

    /** @param file read as its page reads it, so that the API refuses a version exactly when the page does */
    KpiDataset(String name, CachedCsvFile<KpiTable> file) {
        this.name = name;
        this.file = file;
    }

    String name() {
        return name;
    }

    /** Below the data folder. */
    String path() {
        return file.relativePath();
    }

    /** The dataset as the list shows it, whatever state its file is in. */
    KpiDatasetSummary summary() {
        return switch (file.current()) {
            case CsvFileSnapshot.Missing<KpiTable> missing -> new KpiDatasetSummary(name, path(), List.of(), 0, null, false, null);
            case CsvFileSnapshot.Unreadable<KpiTable> broken ->
                    new KpiDatasetSummary(name, path(), List.of(), 0, null, true, broken.error());
            case CsvFileSnapshot.Loaded<KpiTable> loaded -> new KpiDatasetSummary(name, path(), loaded.value().columns(),
                    loaded.value().rows().size(), iso(loaded.lastModified()), true, null);
        };
    }

    /**
     * The current version of the file.
     *
     * @throws ErrorResponseException while the file is not written yet (404) or cannot be used (422)
     */
    CsvFileSnapshot.Loaded<KpiTable> current() {
        return switch (file.current()) {
            case CsvFileSnapshot.Loaded<KpiTable> loaded -> loaded;
            case CsvFileSnapshot.Missing<KpiTable> missing -> throw KpiProblems.notWrittenYet(this);
            case CsvFileSnapshot.Unreadable<KpiTable> broken -> throw KpiProblems.unreadable(this, broken.error());
        };
    }

    KpiRows rows(CsvFileSnapshot.Loaded<KpiTable> version) {
        return new KpiRows(name, path(), iso(version.lastModified()), version.value().rows());
    }

    /**
     * {@link #rows} as JSON, written once per version of the file (the file cache hands out one snapshot per
     * version): writing out 10,000 rows took about 20 ms, which ten clients asking at once turned into a queue.
     */
    byte[] json(CsvFileSnapshot.Loaded<KpiTable> version, ObjectMapper mapper) {
        Serialized last = serialized;
        if (last == null || last.version() != version) {
            last = new Serialized(version, mapper.writeValueAsBytes(rows(version)));
            serialized = last;
        }
        return last.json();
    }

    /**
     * The file's bytes. The transformer replaces a file by renaming a new one over it, so a read right after a
     * version check may find the next version: its bytes then go out with the validators of the previous one, and
     * the client's next conditional request fetches it again.
     */
    byte[] bytes() {
        try {
            return Files.readAllBytes(file.file());
        } catch (NoSuchFileException gone) {
            throw KpiProblems.notWrittenYet(this);
        } catch (IOException unreadable) {
            throw KpiProblems.cannotReadNow(this);
        }
    }

    /** ISO-8601 in UTC, e.g. "2025-03-14T09:30:00Z". */
    private static String iso(Instant instant) {
        return instant.toString();
    }
}
