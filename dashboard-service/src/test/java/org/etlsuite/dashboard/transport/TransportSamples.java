package org.etlsuite.dashboard.transport;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import org.etlsuite.dashboard.page.TestFiles;
import org.etlsuite.model.kpi.TransportKpiFiles;

/**
 * Five small transportation files that agree with each other: 10,000 trips, 212,345 passengers,
 * 3,820 of the trips in peak hours, 120,000.50 MXN of revenue (by day, by route type and by fare). The summary's
 * columns are deliberately not in contract order (readers must go by header name), the days are not in date order,
 * there are six boarding areas so that the ranking has one to leave out, and no student fare was paid by QR, so that
 * the fares chart has a gap in a group.
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

    static final String ROUTES = """
            route_type,trips,mean_duration_minutes,revenue
            Ie-Tram Corridor,1500,28.2,18000.00
            Suburban/Connecting Route,1000,47.5,12000.25
            Urban/Feeder Route,3000,35.0,36000.00
            Urban/Metropolitan Circuito,4500,32.46666666666667,54000.25
            """;

    static final String ROUTES_HEADER_ONLY = "route_type,trips,mean_duration_minutes,revenue\n";

    static final String FARES = """
            fare_type,payment_method,trips,revenue
            Regular,Card,4100,61500.00
            Regular,QR,2900,43500.00
            Student/Senior/Disability,Card,3000,15000.50
            """;

    static final String FARES_HEADER_ONLY = "fare_type,payment_method,trips,revenue\n";

    /**
     * Days over two weeks, for the time ranges alone (they do not add up to the summary): 24 hours is the 14th,
     * 7 days the 8th to the 14th, which leaves out the 7th by a day.
     */
    static final String DAILY_OVER_TWO_WEEKS = """
            day,trips,passengers,revenue
            2025-03-01,500,10000,6000.00
            2025-03-07,600,12000,7200.00
            2025-03-08,700,14000,8400.00
            2025-03-10,800,16000,9600.00
            2025-03-14,900,18000,10800.00
            """;

    private TransportSamples() {
    }

    /** Writes the five sample files below {@code dataDir}, all with the same last-modified time. */
    static void writeAll(Path dataDir, Instant lastModified) throws IOException {
        writeSummary(dataDir, SUMMARY, lastModified);
        writeDaily(dataDir, DAILY, lastModified);
        writeBoardingAreas(dataDir, BOARDING_AREAS, lastModified);
        writeRoutes(dataDir, ROUTES, lastModified);
        writeFares(dataDir, FARES, lastModified);
    }

    /** Writes the five files with their header only, as the transformer does before the first trip. */
    static void writeHeadersOnly(Path dataDir, Instant lastModified) throws IOException {
        writeSummary(dataDir, SUMMARY_HEADER_ONLY, lastModified);
        writeDaily(dataDir, DAILY_HEADER_ONLY, lastModified);
        writeBoardingAreas(dataDir, BOARDING_AREAS_HEADER_ONLY, lastModified);
        writeRoutes(dataDir, ROUTES_HEADER_ONLY, lastModified);
        writeFares(dataDir, FARES_HEADER_ONLY, lastModified);
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

    static Path writeRoutes(Path dataDir, String content, Instant lastModified) throws IOException {
        return TestFiles.write(dataDir.resolve(TransportKpiFiles.Routes.RELATIVE_PATH), content, lastModified);
    }

    static Path writeFares(Path dataDir, String content, Instant lastModified) throws IOException {
        return TestFiles.write(dataDir.resolve(TransportKpiFiles.Fares.RELATIVE_PATH), content, lastModified);
    }
}
