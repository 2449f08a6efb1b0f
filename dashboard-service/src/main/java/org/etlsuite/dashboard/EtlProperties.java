package org.etlsuite.dashboard;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared with the other services of the suite.
 *
 * @param dataDir   root of the shared volume the transformer writes its CSV files into
 * @param dashboard the dashboard's own settings
 */
@ConfigurationProperties("etl")
public record EtlProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Dashboard dashboard) {

    /**
     * @param transformerUrl     the transformer-service, whose run API the pipeline runs page reads
     * @param transformerTimeout how long the page waits for a connection, then for an answer, before
     *                           it reports the transformer as unreachable
     */
    public record Dashboard(@DefaultValue(DEFAULT_TRANSFORMER_URL) URI transformerUrl,
                            @DefaultValue("2s") Duration transformerTimeout) {

        public static final String DEFAULT_TRANSFORMER_URL = "http://localhost:8091";
    }
}
