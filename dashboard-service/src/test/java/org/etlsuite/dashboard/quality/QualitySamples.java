package org.etlsuite.dashboard.quality;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import org.etlsuite.dashboard.page.TestFiles;
import org.etlsuite.model.kpi.DataQualityKpiFile;

/**
 * A small data-quality file as the transformer writes it (a few rules of each stream only): product-events read
 * 8 records (6 accepted, 1 rejected by price-positive, 1 duplicate), urban-sensors 20 (15 accepted, 1 rejected by
 * value-present and 3 by pm25-range, 1 with a bad magic byte), transportation-stats nothing yet.
 */
final class QualitySamples {

    static final String SAMPLE = """
            stream,metric,rule,count
            product-events,accepted,,6
            product-events,rejected,value-present,0
            product-events,rejected,price-positive,1
            product-events,duplicate,,1
            product-events,undecodable,bad-magic-byte,0
            product-events,undecodable,truncated,0
            transportation-stats,accepted,,0
            transportation-stats,rejected,value-present,0
            transportation-stats,duplicate,,0
            transportation-stats,undecodable,bad-magic-byte,0
            urban-sensors,accepted,,15
            urban-sensors,rejected,value-present,1
            urban-sensors,rejected,pm25-range,3
            urban-sensors,duplicate,,0
            urban-sensors,undecodable,bad-magic-byte,1
            urban-sensors,undecodable,corrupt-payload,0
            """;

    /** Every check listed, none fired: the transformer has read nothing yet. */
    static final String NOTHING_READ = """
            stream,metric,rule,count
            urban-sensors,accepted,,0
            urban-sensors,rejected,value-present,0
            urban-sensors,duplicate,,0
            urban-sensors,undecodable,bad-magic-byte,0
            """;

    static final String UNKNOWN_METRIC = """
            stream,metric,rule,count
            urban-sensors,accepted,,15
            urban-sensors,lost,,2
            """;

    private QualitySamples() {
    }

    static void write(Path dataDir, String content, Instant lastModified) throws IOException {
        TestFiles.write(dataDir.resolve(DataQualityKpiFile.RELATIVE_PATH), content, lastModified);
    }
}
