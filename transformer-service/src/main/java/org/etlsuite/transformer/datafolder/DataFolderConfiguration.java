package org.etlsuite.transformer.datafolder;

import java.util.List;
import java.util.stream.Stream;

import org.etlsuite.transformer.EtlProperties;
import org.etlsuite.transformer.analytics.AnalyticsConfiguration;
import org.etlsuite.transformer.export.CsvExportSources;
import org.etlsuite.transformer.topology.StreamCatalog;
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
                        exports.all().stream().map(source -> folderOf(source.relativePath())),
                        StreamCatalog.ALL.stream().flatMap(stream -> stream.pipeline().folders().stream()),
                        Stream.of(AnalyticsConfiguration.URBAN_DATASET))
                .flatMap(paths -> paths)
                .map(DataFolderConfiguration::topFolder)
                .distinct().sorted().toList();
        return new DataFolderHealthIndicator(properties.dataDir(), folders);
    }

    /** The folder a file goes to, relative to the data folder: {@code .} for the data folder itself. */
    private static String folderOf(String relativeFile) {
        int slash = relativeFile.lastIndexOf('/');
        return slash < 0 ? "." : relativeFile.substring(0, slash);
    }

    /** The folder directly below the data folder that holds a folder. */
    private static String topFolder(String relativeFolder) {
        int slash = relativeFolder.indexOf('/');
        return slash < 0 ? relativeFolder : relativeFolder.substring(0, slash);
    }
}
