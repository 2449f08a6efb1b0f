package org.etlsuite.transformer.datafolder;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.etlsuite.transformer.EtlProperties;
import org.etlsuite.transformer.analytics.AnalyticsConfiguration;
import org.etlsuite.transformer.export.CsvExportSource;
import org.etlsuite.transformer.export.CsvExportSources;
import org.etlsuite.transformer.run.Pipeline;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DataFolderConfiguration {

    /**
     * Probes the top folder of everything the service writes below {@code etl.data-dir}: the KPI files,
     * the runs' raw and processed files, the Parquet dataset. Not the dataset's own folder: its file
     * names are where the dataset ends, so nothing else creates files in it.
     */
    @Bean
    DataFolderHealthIndicator dataFolderHealthIndicator(EtlProperties properties, CsvExportSources exports) {
        List<String> folders = Stream.of(
                        exports.all().stream().map(CsvExportSource::relativePath),
                        Arrays.stream(Pipeline.values()).flatMap(pipeline -> pipeline.folders().stream()),
                        Stream.of(AnalyticsConfiguration.URBAN_DATASET))
                .flatMap(paths -> paths)
                .map(DataFolderConfiguration::topFolder)
                .distinct().sorted().toList();
        return new DataFolderHealthIndicator(properties.dataDir(), folders);
    }

    private static String topFolder(String relativePath) {
        int slash = relativePath.indexOf('/');
        return slash < 0 ? "." : relativePath.substring(0, slash);
    }
}
