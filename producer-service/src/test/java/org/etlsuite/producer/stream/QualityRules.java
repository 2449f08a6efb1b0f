package org.etlsuite.producer.stream;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.LinkedHashSet;
import java.util.Set;

import org.etlsuite.events.product.EventType;
import org.etlsuite.events.product.ProductEvent;
import org.etlsuite.events.transport.FarePaymentMethod;
import org.etlsuite.events.transport.FareType;
import org.etlsuite.events.transport.ServiceProvider;
import org.etlsuite.events.transport.TransportTrip;
import org.etlsuite.events.urban.UrbanSensorReading;

/**
 * The data-quality rules of the three streams, written down here independently of the producer's defect code (from
 * the domain description and the schema docs), so that tests can check that a defect breaks the rule it names, that
 * it breaks no other, and that clean events break none. Each rule's name is the name of the defect that breaks it.
 */
public final class QualityRules {

    private static final BigDecimal FULL_FARE = new BigDecimal("12.00");
    private static final Set<BigDecimal> REDUCED_FARES = Set.of(new BigDecimal("5.00"), new BigDecimal("2.50"), new BigDecimal("0.00"));

    private QualityRules() {
    }

    /** The rules an event of any of the three streams breaks; empty for a clean event. */
    public static Set<String> violations(Object event) {
        return switch (event) {
            case UrbanSensorReading reading -> urban(reading);
            case ProductEvent product -> product(product);
            case TransportTrip trip -> transport(trip);
            default -> throw new IllegalArgumentException("No rules for " + event.getClass());
        };
    }

    static Set<String> urban(UrbanSensorReading r) {
        Set<String> broken = new LinkedHashSet<>();
        check(broken, "empty_sensor_id", r.getSensorId().isBlank());
        check(broken, "vehicle_count_out_of_range", r.getVehicleCount() < 0 || r.getVehicleCount() > 200);
        check(broken, "pm25_out_of_range", !within(r.getPm25(), 1, 150));
        check(broken, "pm10_out_of_range", !within(r.getPm10(), 5, 200));
        check(broken, "noise_out_of_range", !within(r.getNoiseDb(), 30, 100));
        check(broken, "negative_speed", !(r.getAvgSpeedKmh() >= 0));
        return broken;
    }

    static Set<String> product(ProductEvent e) {
        Set<String> broken = new LinkedHashSet<>();
        boolean purchase = e.getEventType() == EventType.PURCHASE;
        check(broken, "empty_event_id", e.getEventId().isBlank());
        check(broken, "empty_user_id", e.getUserId().isBlank());
        check(broken, "negative_price", e.getPrice().signum() < 0);
        check(broken, "purchase_missing_payment_details",
                purchase && (e.getPurchaseAmount() == null || e.getPaymentMethod() == null));
        check(broken, "non_purchase_with_payment_details",
                !purchase && (e.getPurchaseAmount() != null || e.getPaymentMethod() != null));
        check(broken, "purchase_amount_mismatch",
                purchase && e.getPurchaseAmount() != null && e.getPurchaseAmount().compareTo(e.getPrice()) != 0);
        return broken;
    }

    static Set<String> transport(TransportTrip t) {
        Set<String> broken = new LinkedHashSet<>();
        check(broken, "empty_transaction_id", t.getTransactionId().isBlank());
        boolean fullFareDue = t.getFareType() == FareType.REGULAR || t.getPaymentMethod() == FarePaymentMethod.QR;
        BigDecimal fare = t.getFareAmountMxn();
        check(broken, "fare_mismatch", fullFareDue
                ? fare.compareTo(FULL_FARE) != 0
                : REDUCED_FARES.stream().noneMatch(reduced -> reduced.compareTo(fare) == 0));
        int[] range = switch (t.getRouteType()) {
            case URBAN_METROPOLITAN_CIRCUITO -> new int[] {30, 90};
            case URBAN_FEEDER_ROUTE -> new int[] {15, 60};
            case IE_TRAM_CORRIDOR -> new int[] {10, 45};
            case SUBURBAN_CONNECTING_ROUTE -> new int[] {45, 120};
        };
        check(broken, "trip_duration_out_of_range",
                t.getTripDurationMinutes() < range[0] || t.getTripDurationMinutes() > range[1]);
        int passengers = t.getPassengerCount();
        check(broken, "passenger_count_out_of_range", t.getServiceProvider() == ServiceProvider.VA_Y_VEN
                ? passengers < 0 || passengers > 85
                : passengers != 1);
        LocalTime time = t.getTransactionTime();
        check(broken, "outside_service_hours", time.isBefore(LocalTime.of(5, 0)) || time.isAfter(LocalTime.of(23, 0)));
        return broken;
    }

    private static boolean within(double value, double min, double max) {
        return value >= min && value <= max;
    }

    private static void check(Set<String> broken, String rule, boolean isBroken) {
        if (isBroken) {
            broken.add(rule);
        }
    }
}
