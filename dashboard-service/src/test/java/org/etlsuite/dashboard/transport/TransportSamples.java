package org.etlsuite.dashboard.transport;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import org.etlsuite.dashboard.page.TestFiles;
import org.etlsuite.model.kpi.TransportKpiFiles;

/**
 * Three small transportation files that agree with each other: 10,000 trips, 212,345 passengers,
 * 3,820 of the trips in peak hours. The summary's columns are deliberately not in contract order
 * (readers must go by header name), the days are not in date order, and there are six boarding
 * areas so that the ranking has one to leave out.
 */
final class TransportSamples {

    static final String SUMMARY = """
            peak_hour_share,total_revenue,total_trips,total_passengers,peak_hour_trips
            0.382,120000.50,10000,212345,3820
            """;

    static final String SUMMARY_HEADER_ONLY = "total_revenue,total_trips,total_passengers,peak_hour_trips,peak_hour_share\n";

    /** Line 2 has a non-numeric trip count. */
    static final String SUMMARY_MALFORMED = SUMMARY_HEADER_ONLY + "120000.50,many,212345,3820,0.382\n";

    static final String DAILY = """
            day,trips,passengers,revenue
            2025-03-14,4000,90000,48000.25
            2025-03-13,6000,122345,72000.25
            """;

    static final String DAILY_HEADER_ONLY = "day,trips,passengers,revenue\n";

    static final String BOARDING_AREAS = """
            rank,boarding_area,trips,passengers
            1,Centro (Downtown),3500,74000
            2,East Zone (Vergel/Kanasín),1500,32000
            3,North Zone (Altabrisa/Montejo),1490,31000
            4,West Zone (Caucel/Juan Pablo II),1480,30000
            5,Circuito Route Stop,1030,21345
            6,South Zone (Emiliano Zapata Sur/San Haroldo),1000,24000
            """;

    static final String BOARDING_AREAS_HEADER_ONLY = "rank,boarding_area,trips,passengers\n";

    private TransportSamples() {
    }

    /** Writes the three sample files below {@code dataDir}, all with the same last-modified time. */
    static void writeAll(Path dataDir, Instant lastModified) throws IOException {
        writeSummary(dataDir, SUMMARY, lastModified);
        writeDaily(dataDir, DAILY, lastModified);
        writeBoardingAreas(dataDir, BOARDING_AREAS, lastModified);
    }

    /** Writes the three files with their header only, as the transformer does before the first trip. */
    static void writeHeadersOnly(Path dataDir, Instant lastModified) throws IOException {
        writeSummary(dataDir, SUMMARY_HEADER_ONLY, lastModified);
        writeDaily(dataDir, DAILY_HEADER_ONLY, lastModified);
        writeBoardingAreas(dataDir, BOARDING_AREAS_HEADER_ONLY, lastModified);
    }

    static Path writeSummary(Path dataDir, String content, Instant lastModified) throws IOException {
        return TestFiles.write(dataDir.resolve(TransportKpiFiles.Summary.RELATIVE_PATH), content, lastModified);
    }

    static Path writeDaily(Path dataDir, String content, Instant lastModified) throws IOException {
        return TestFiles.write(dataDir.resolve(TransportKpiFiles.Daily.RELATIVE_PATH), content, lastModified);
    }

    static Path writeBoardingAreas(Path dataDir, String content, Instant lastModified) throws IOException {
        return TestFiles.write(dataDir.resolve(TransportKpiFiles.BoardingAreas.RELATIVE_PATH), content, lastModified);
    }
}
