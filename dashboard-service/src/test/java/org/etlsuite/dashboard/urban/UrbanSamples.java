package org.etlsuite.dashboard.urban;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import org.etlsuite.dashboard.page.TestFiles;

/**
 * A small aggregate file whose KPIs are exact in binary floating point, so tests can compare
 * with {@code isEqualTo}:
 * <ul>
 * <li>average pollution index = (48*3000 + 24*1000 + 58*2000 + 16*2000 + 36*8000) / 16000 = 37.75
 *     (the unweighted mean of the rows would be 36.4)</li>
 * <li>mean noise: Centro (62.5*3000 + 70.5*1000) / 4000 = 64.5, Emiliano Zapata
 *     (72.5*2000 + 70*2000) / 4000 = 71.25, Kanasin 55.25</li>
 * </ul>
 * The columns are deliberately not in contract order and one location is quoted: readers must
 * go by header name and follow RFC 4180.
 */
final class UrbanSamples {

    static final String SAMPLE = """
            day,hour,location,readings,vehicle_count,avg_speed_kmh,pm25,pm10,pollution_idx,noise_db
            2025-03-13,7,Centro,3000,120.5,35.25,40.0,60.0,48.0,62.5
            2025-03-13,8,Centro,1000,80.0,40.0,20.0,30.0,24.0,70.5
            2025-03-13,7,"Emiliano Zapata",2000,150.0,20.5,50.0,70.0,58.0,72.5
            2025-03-14,17,Emiliano Zapata,2000,90.0,30.0,10.0,25.0,16.0,70.0
            2025-03-14,18,Kanasin,8000,60.0,45.0,30.0,45.0,36.0,55.25
            """;

    static final String HEADER_ONLY = "location,day,hour,readings,vehicle_count,avg_speed_kmh,pm25,pm10,pollution_idx,noise_db\n";

    /** Line 3 has a non-numeric pm25. */
    static final String MALFORMED = HEADER_ONLY
            + "Centro,2025-03-13,7,3,120.5,35.25,40.0,60.0,48.0,62.5\n"
            + "Caucel,2025-03-13,8,1,80.0,40.0,abc,30.0,24.0,70.5\n";

    private UrbanSamples() {
    }

    /** Writes the aggregate file below {@code dataDir} with a fixed last-modified time. */
    static Path write(Path dataDir, String content, Instant lastModified) throws IOException {
        return TestFiles.write(dataDir.resolve(UrbanAggregateCsv.FILE), content, lastModified);
    }
}
