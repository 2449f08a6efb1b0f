package org.etlsuite.dashboard;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared with the other services of the suite.
 *
 * @param dataDir root of the shared volume the transformer writes its CSV files into
 */
@ConfigurationProperties("etl")
public record EtlProperties(@DefaultValue("./data") Path dataDir) {

    /** The file of the shared volume at the given path relative to {@link #dataDir()}. */
    public Path resolve(String relativePath) {
        return dataDir.resolve(relativePath);
    }
}
