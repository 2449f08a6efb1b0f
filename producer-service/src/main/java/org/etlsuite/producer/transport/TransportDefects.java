package org.etlsuite.producer.transport;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.random.RandomGenerator;

import org.etlsuite.events.transport.FarePaymentMethod;
import org.etlsuite.events.transport.FareType;
import org.etlsuite.events.transport.ServiceProvider;
import org.etlsuite.events.transport.TransportTrip;
import org.etlsuite.producer.stream.Defects;

/**
 * Dirty public-transport trips: each breaks exactly one data-quality rule of the {@code transportation-stats}
 * stream and keeps the other rules, including {@code event_time} = {@code transaction_date} at
 * {@code transaction_time} and {@code is_peak_hour} matching the time.
 * <ul>
 * <li>{@value #EMPTY_TRANSACTION_ID}: {@code transaction_id} is the empty string (also the record key);</li>
 * <li>{@value #FARE_MISMATCH}: the fare breaks the fare rules: 5.00, 2.50 or 0.00 where 12.00 is due (Regular
 *     tariff, or paid by QR), 12.00 where a reduced fare is due (reduced tariff paid by card);</li>
 * <li>{@value #TRIP_DURATION_OUT_OF_RANGE}: {@code trip_duration_minutes} below the route's minimum (0..min-1) or
 *     above its maximum (max+1..max+120); ranges Circuito 30..90, Feeder 15..60, Ie-Tram 10..45, Suburban 45..120;</li>
 * <li>{@value #PASSENGER_COUNT_OUT_OF_RANGE}: more than 85 passengers (86..200) on a Va-y-Ven vehicle, or other than
 *     1 (0 or 2..85) on a traditional bus;</li>
 * <li>{@value #OUTSIDE_SERVICE_HOURS}: departure moved to 00:00:00..04:59:59 of the same day, before the service
 *     hours 05:00–23:00 (earlier than the clean time, so never in the future).</li>
 * </ul>
 */
public final class TransportDefects implements Defects<TransportTrip> {

    public static final String EMPTY_TRANSACTION_ID = "empty_transaction_id";
    public static final String FARE_MISMATCH = "fare_mismatch";
    public static final String TRIP_DURATION_OUT_OF_RANGE = "trip_duration_out_of_range";
    public static final String PASSENGER_COUNT_OUT_OF_RANGE = "passenger_count_out_of_range";
    public static final String OUTSIDE_SERVICE_HOURS = "outside_service_hours";

    public static final TransportDefects INSTANCE = new TransportDefects();

    private static final List<String> KINDS = List.of(EMPTY_TRANSACTION_ID, FARE_MISMATCH, TRIP_DURATION_OUT_OF_RANGE,
            PASSENGER_COUNT_OUT_OF_RANGE, OUTSIDE_SERVICE_HOURS);

    private static final BigDecimal[] REDUCED_FARES = {new BigDecimal("5.00"), new BigDecimal("2.50"), new BigDecimal("0.00")};

    /** Seconds of the day before the service starts at 05:00:00. */
    private static final int NIGHT_SECONDS = 5 * 3600;

    private TransportDefects() {
    }

    @Override
    public List<String> kinds() {
        return KINDS;
    }

    @Override
    public Defective<TransportTrip> apply(TransportTrip clean, RandomGenerator random) {
        String kind = KINDS.get(random.nextInt(KINDS.size()));
        TransportTrip.Builder dirty = TransportTrip.newBuilder(clean);
        switch (kind) {
            case EMPTY_TRANSACTION_ID -> dirty.setTransactionId("");
            case FARE_MISMATCH -> {
                boolean fullFareDue = clean.getFareType() == FareType.REGULAR || clean.getPaymentMethod() == FarePaymentMethod.QR;
                dirty.setFareAmountMxn(fullFareDue
                        ? REDUCED_FARES[random.nextInt(REDUCED_FARES.length)]
                        : TransportTripGenerator.FULL_FARE);
            }
            case TRIP_DURATION_OUT_OF_RANGE -> {
                TransportTripGenerator.DurationRange range = TransportTripGenerator.durationRange(clean.getRouteType());
                dirty.setTripDurationMinutes(random.nextBoolean()
                        ? random.nextInt(0, range.min())
                        : random.nextInt(range.max() + 1, range.max() + 121));
            }
            case PASSENGER_COUNT_OUT_OF_RANGE -> {
                if (clean.getServiceProvider() == ServiceProvider.VA_Y_VEN) {
                    dirty.setPassengerCount(random.nextInt(TransportTripGenerator.MAX_VA_Y_VEN_PASSENGERS + 1, 201));
                } else {
                    int count = random.nextInt(0, TransportTripGenerator.MAX_VA_Y_VEN_PASSENGERS); // 0..84
                    dirty.setPassengerCount(count == 0 ? 0 : count + 1); // 0 or 2..85
                }
            }
            case OUTSIDE_SERVICE_HOURS -> {
                LocalTime night = LocalTime.ofSecondOfDay(random.nextInt(NIGHT_SECONDS));
                LocalDateTime departure = LocalDateTime.of(clean.getTransactionDate(), night);
                dirty.setTransactionTime(night)
                        .setEventTime(departure.toInstant(ZoneOffset.UTC))
                        .setIsPeakHour(TransportTripGenerator.isPeakHour(night));
            }
            default -> throw new IllegalStateException("unknown defect " + kind);
        }
        return new Defective<>(dirty.build(), kind);
    }
}
