package org.etlsuite.model.transport;

import org.etlsuite.events.transport.AlightingArea;
import org.etlsuite.events.transport.BoardingArea;
import org.etlsuite.events.transport.FarePaymentMethod;
import org.etlsuite.events.transport.FareType;
import org.etlsuite.events.transport.RouteType;
import org.etlsuite.events.transport.ServiceProvider;

/**
 * The strings the original system used for the transportation vocabularies, as they appear in the CSV files
 * and on the dashboard (the Avro symbols are identifiers, which cannot hold spaces, slashes or parentheses).
 */
public final class TransportDisplayNames {

    private static final String CENTRO = "Centro (Downtown)";
    private static final String NORTH_ZONE = "North Zone (Altabrisa/Montejo)";
    private static final String WEST_ZONE = "West Zone (Caucel/Juan Pablo II)";
    private static final String EAST_ZONE = "East Zone (Vergel/Kanasín)";
    private static final String SOUTH_ZONE = "South Zone (Emiliano Zapata Sur/San Haroldo)";

    private TransportDisplayNames() {
    }

    // Exhaustive switches: a symbol added to the schema breaks the build here instead of silently producing
    // a raw enum name in the files.

    public static String displayName(ServiceProvider provider) {
        return switch (provider) {
            case VA_Y_VEN -> "Va-y-Ven (ATY)";
            case TRADITIONAL_BUS_COMPANY -> "Traditional Bus Company";
        };
    }

    public static String displayName(RouteType routeType) {
        return switch (routeType) {
            case URBAN_METROPOLITAN_CIRCUITO -> "Urban/Metropolitan Circuito";
            case IE_TRAM_CORRIDOR -> "Ie-Tram Corridor";
            case URBAN_FEEDER_ROUTE -> "Urban/Feeder Route";
            case SUBURBAN_CONNECTING_ROUTE -> "Suburban/Connecting Route";
        };
    }

    public static String displayName(BoardingArea area) {
        return switch (area) {
            case CENTRO -> CENTRO;
            case NORTH_ZONE -> NORTH_ZONE;
            case WEST_ZONE -> WEST_ZONE;
            case EAST_ZONE -> EAST_ZONE;
            case SOUTH_ZONE -> SOUTH_ZONE;
            case CIRCUITO_ROUTE_STOP -> "Circuito Route Stop";
        };
    }

    public static String displayName(AlightingArea area) {
        return switch (area) {
            case CENTRO -> CENTRO;
            case NORTH_ZONE -> NORTH_ZONE;
            case WEST_ZONE -> WEST_ZONE;
            case EAST_ZONE -> EAST_ZONE;
            case SOUTH_ZONE -> SOUTH_ZONE;
            case UNIVERSITY_SCHOOL_WORK_AREA -> "University/School/Work Area";
        };
    }

    public static String displayName(FarePaymentMethod paymentMethod) {
        return switch (paymentMethod) {
            case QR -> "QR";
            case CARD -> "Card";
        };
    }

    public static String displayName(FareType fareType) {
        return switch (fareType) {
            case REGULAR -> "Regular";
            case STUDENT_SENIOR_DISABILITY -> "Student/Senior/Disability";
        };
    }
}
