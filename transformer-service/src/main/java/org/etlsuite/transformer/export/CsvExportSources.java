package org.etlsuite.transformer.export;

import java.util.List;

/** Every file the exporter keeps up to date, from the one place that declares them (the stream catalogue). */
public record CsvExportSources(List<CsvExportSource> all) {

    public CsvExportSources {
        all = List.copyOf(all);
    }
}
