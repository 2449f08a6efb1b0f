package org.etlsuite.producer.transport;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.etlsuite.events.transport.AlightingArea;
import org.etlsuite.events.transport.BoardingArea;
import org.etlsuite.events.transport.FarePaymentMethod;
import org.etlsuite.events.transport.FareType;
import org.etlsuite.events.transport.RouteType;
import org.etlsuite.events.transport.ServiceProvider;
import org.etlsuite.events.transport.TransportTrip;
import org.etlsuite.producer.stream.DailyWindow;
import org.etlsuite.producer.stream.EventGenerator;
import org.etlsuite.producer.stream.EventTimes;
import org.etlsuite.producer.stream.SeededUuids;
import org.etlsuite.producer.stream.Weighted;

/**
 * Public-transport trips in Mérida with the original (Mockaroo) schema's distributions and rules:
 * <ul>
 * <li>departure within service hours {@link #SERVICE_HOURS}, date and time being the UTC date and time of the
 *     event time, in whole seconds;</li>
 * <li>provider: Va-y-Ven or a traditional company, {@value #VA_Y_VEN_SHARE_PERCENT} % each (see below); trips
 *     dated before the Va-y-Ven launch ({@link #VA_Y_VEN_LAUNCH}) are always traditional;</li>
 * <li>route type uniform among the provider's two: Va-y-Ven Circuito or Ie-Tram, traditional Feeder or Suburban;</li>
 * <li>boarding area 35/15/15/15/10/10, alighting area 25/15/15/15/10/20, payment QR 15 / Card 85,
 *     fare type Regular 60 / Student-Senior-Disability 40;</li>
 * <li>fare 12.00 MXN for Regular and for a reduced fare paid by QR, otherwise uniformly 5.00, 2.50 or 0.00;</li>
 * <li>duration uniform in whole minutes by route: Circuito 30..90, Feeder 15..60, Ie-Tram 10..45,
 *     Suburban 45..120 (both ends inclusive);</li>
 * <li>peak hour: see {@link #isPeakHour(LocalTime)};</li>
 * <li>passengers 0..85 on Va-y-Ven, 1 on a traditional bus.</li>
 * </ul>
 * The original derived the provider from the date alone ({@code transaction_date >= '2021/11/27'}) while drawing
 * its dates from November 2025, so every trip was Va-y-Ven and the traditional routes never appeared. To keep both
 * providers (and their routes) in the data, the provider is drawn with an even share instead; the launch date still
 * rules out Va-y-Ven before it.
 * <p>
 * All draws, the transaction id included, come from one seeded {@link SplittableRandom} in a fixed order, so the
 * same seed (and clock) gives the same trips. Not thread-safe.
 */
public final class TransportTripGenerator implements EventGenerator<TransportTrip> {

    /** Departures from 05:00:00 to 23:00:00, both inclusive, as the original's Mockaroo time field (UTC here). */
    public static final DailyWindow SERVICE_HOURS = new DailyWindow(LocalTime.of(5, 0), LocalTime.of(23, 0));

    /** First day of the Va-y-Ven system, the original's {@code is_va_y_ven_system} cut-off. */
    public static final LocalDate VA_Y_VEN_LAUNCH = LocalDate.of(2021, 11, 27);

    static final int VA_Y_VEN_SHARE_PERCENT = 50;

    static final BigDecimal FULL_FARE = new BigDecimal("12.00");

    static final int MAX_VA_Y_VEN_PASSENGERS = 85;

    private static final Weighted<ServiceProvider> PROVIDERS = Weighted.<ServiceProvider>builder()
            .add(ServiceProvider.VA_Y_VEN, VA_Y_VEN_SHARE_PERCENT)
            .add(ServiceProvider.TRADITIONAL_BUS_COMPANY, 100 - VA_Y_VEN_SHARE_PERCENT)
            .build();

    private static final Weighted<RouteType> VA_Y_VEN_ROUTES =
            Weighted.uniform(RouteType.URBAN_METROPOLITAN_CIRCUITO, RouteType.IE_TRAM_CORRIDOR);

    private static final Weighted<RouteType> TRADITIONAL_ROUTES =
            Weighted.uniform(RouteType.URBAN_FEEDER_ROUTE, RouteType.SUBURBAN_CONNECTING_ROUTE);

    private static final Weighted<BoardingArea> BOARDING_AREAS = Weighted.<BoardingArea>builder()
            .add(BoardingArea.CENTRO, 35)
            .add(BoardingArea.NORTH_ZONE, 15)
            .add(BoardingArea.WEST_ZONE, 15)
            .add(BoardingArea.EAST_ZONE, 15)
            .add(BoardingArea.SOUTH_ZONE, 10)
            .add(BoardingArea.CIRCUITO_ROUTE_STOP, 10)
            .build();

    private static final Weighted<AlightingArea> ALIGHTING_AREAS = Weighted.<AlightingArea>builder()
            .add(AlightingArea.CENTRO, 25)
            .add(AlightingArea.NORTH_ZONE, 15)
            .add(AlightingArea.WEST_ZONE, 15)
            .add(AlightingArea.EAST_ZONE, 15)
            .add(AlightingArea.SOUTH_ZONE, 10)
            .add(AlightingArea.UNIVERSITY_SCHOOL_WORK_AREA, 20)
            .build();

    private static final Weighted<FarePaymentMethod> PAYMENT_METHODS = Weighted.<FarePaymentMethod>builder()
            .add(FarePaymentMethod.QR, 15)
            .add(FarePaymentMethod.CARD, 85)
            .build();

    private static final Weighted<FareType> FARE_TYPES = Weighted.<FareType>builder()
            .add(FareType.REGULAR, 60)
            .add(FareType.STUDENT_SENIOR_DISABILITY, 40)
            .build();

    /** The original's {@code alt_fare_amount}: reduced fares not paid by QR. */
    private static final Weighted<BigDecimal> REDUCED_FARES =
            Weighted.uniform(new BigDecimal("5.00"), new BigDecimal("2.50"), new BigDecimal("0.00"));

    private final RandomGenerator random;
    private final EventTimes times;

    public TransportTripGenerator(long seed, Clock clock) {
        this(seed, EventTimes.now(clock));
    }

    public TransportTripGenerator(long seed, EventTimes times) {
        this.random = new SplittableRandom(seed);
        this.times = Objects.requireNonNull(times, "times");
    }

    @Override
    public TransportTrip next() {
        // HH:mm:ss has no fraction: the event time is truncated so that it equals date + time exactly
        Instant eventTime = times.next(random, SERVICE_HOURS).truncatedTo(ChronoUnit.SECONDS);
        LocalDateTime departure = LocalDateTime.ofInstant(eventTime, ZoneOffset.UTC);
        String transactionId = SeededUuids.next(random).toString();
        ServiceProvider drawn = PROVIDERS.draw(random);
        ServiceProvider provider = departure.toLocalDate().isBefore(VA_Y_VEN_LAUNCH) ? ServiceProvider.TRADITIONAL_BUS_COMPANY : drawn;
        boolean vaYVen = provider == ServiceProvider.VA_Y_VEN;
        RouteType route = (vaYVen ? VA_Y_VEN_ROUTES : TRADITIONAL_ROUTES).draw(random);
        BoardingArea boarding = BOARDING_AREAS.draw(random);
        AlightingArea alighting = ALIGHTING_AREAS.draw(random);
        FarePaymentMethod payment = PAYMENT_METHODS.draw(random);
        FareType fareType = FARE_TYPES.draw(random);
        BigDecimal fare = fareType == FareType.REGULAR || payment == FarePaymentMethod.QR
                ? FULL_FARE
                : REDUCED_FARES.draw(random);
        int duration = tripDuration(route, random);
        int passengers = vaYVen ? random.nextInt(0, MAX_VA_Y_VEN_PASSENGERS + 1) : 1;
        return TransportTrip.newBuilder()
                .setTransactionId(transactionId)
                .setTransactionDate(departure.toLocalDate())
                .setTransactionTime(departure.toLocalTime())
                .setEventTime(eventTime)
                .setServiceProvider(provider)
                .setRouteType(route)
                .setBoardingArea(boarding)
                .setAlightingArea(alighting)
                .setPaymentMethod(payment)
                .setFareType(fareType)
                .setFareAmountMxn(fare)
                .setTripDurationMinutes(duration)
                .setIsPeakHour(isPeakHour(departure.toLocalTime()))
                .setPassengerCount(passengers)
                .build();
    }

    /**
     * The original's rule {@code hour >= 6 && hour <= 9 || hour >= 17 && hour <= 20} on the departure hour, both
     * bounds inclusive on the hour: peak from 06:00:00 to 09:59:59 and from 17:00:00 to 20:59:59 (eight hours).
     * Not the urban streams' {7, 8, 9, 17, 18, 19}, which is a different rule of the original.
     */
    static boolean isPeakHour(LocalTime departure) {
        int hour = departure.getHour();
        return (hour >= 6 && hour <= 9) || (hour >= 17 && hour <= 20);
    }

    /** Shortest and longest trip of a route type, in whole minutes, both inclusive. */
    record DurationRange(int min, int max) {
    }

    private static final DurationRange CIRCUITO = new DurationRange(30, 90);
    private static final DurationRange FEEDER = new DurationRange(15, 60);
    private static final DurationRange IE_TRAM = new DurationRange(10, 45);
    private static final DurationRange SUBURBAN = new DurationRange(45, 120);

    static DurationRange durationRange(RouteType route) {
        return switch (route) {
            case URBAN_METROPOLITAN_CIRCUITO -> CIRCUITO;
            case URBAN_FEEDER_ROUTE -> FEEDER;
            case IE_TRAM_CORRIDOR -> IE_TRAM;
            case SUBURBAN_CONNECTING_ROUTE -> SUBURBAN;
        };
    }

    /** Whole minutes, uniform, both ends inclusive (Mockaroo's {@code random(min, max)}). */
    private static int tripDuration(RouteType route, RandomGenerator random) {
        DurationRange range = durationRange(route);
        return random.nextInt(range.min(), range.max() + 1);
    }
}
