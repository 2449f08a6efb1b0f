package org.etlsuite.transformer.run;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.etlsuite.events.product.EventType;
import org.etlsuite.events.product.Platform;
import org.etlsuite.events.product.ProductEvent;
import org.etlsuite.events.transport.AlightingArea;
import org.etlsuite.events.transport.BoardingArea;
import org.etlsuite.events.transport.FarePaymentMethod;
import org.etlsuite.events.transport.FareType;
import org.etlsuite.events.transport.RouteType;
import org.etlsuite.events.transport.ServiceProvider;
import org.etlsuite.events.transport.TransportTrip;
import org.etlsuite.events.urban.SensorStatus;
import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.model.Topics;
import org.etlsuite.model.product.Product;
import org.etlsuite.model.product.ProductCatalog;
import org.etlsuite.model.serde.AvroSerializer;

/**
 * Events for the runs' bursts, every one distinct across the whole test JVM (a counter feeds ids and
 * times), with a known composition: valid events, invalid ones (broken data-quality rule), bytes that
 * are no event at all, and copies of valid ones.
 */
public final class RunEvents {

    /** Composition of a burst of n events. */
    public record Mix(int valid, int invalid, int poison, int copies) {

        public static Mix of(int events) {
            int invalid = events / 50;
            int copies = events / 100;
            int poison = events >= 100 ? 2 : 0;
            return new Mix(events - invalid - copies - poison, invalid, poison, copies);
        }
    }

    /** A burst's records and what they hold. */
    public record Burst(List<KeyValue<String, byte[]>> records, List<SpecificRecord> valid) {
    }

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final Instant BASE = Instant.parse("2026-03-01T08:00:00Z");

    private final AvroSerializer<Object> serializer = new AvroSerializer<>();

    public RunEvents(String registryUrl) {
        serializer.configure(Map.of("schema.registry.url", registryUrl), false);
    }

    public Burst urban(int events) {
        Mix mix = Mix.of(events);
        List<KeyValue<String, byte[]>> records = new ArrayList<>();
        List<SpecificRecord> valid = new ArrayList<>();
        for (int i = 0; i < mix.valid(); i++) {
            UrbanSensorReading reading = reading("sensor-" + (100 + i % 900));
            valid.add(reading);
            records.add(KeyValue.pair(reading.getSensorId(), bytes(Topics.URBAN_SENSORS, reading)));
        }
        for (int i = 0; i < mix.invalid(); i++) {
            records.add(KeyValue.pair("sensor-blank", bytes(Topics.URBAN_SENSORS, reading(" "))));
        }
        for (int i = 0; i < mix.poison(); i++) {
            records.add(KeyValue.pair("sensor-999", new byte[] {7, 0, 0, 0, 1, 42}));
        }
        for (int i = 0; i < mix.copies(); i++) {
            records.add(records.get(i * 3 % mix.valid()));
        }
        return new Burst(records, valid);
    }

    /** Readings outside any run: what a continuous stream would send meanwhile. */
    public List<KeyValue<String, byte[]>> urbanOutsideRuns(int events) {
        List<KeyValue<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            UrbanSensorReading reading = reading("sensor-" + (100 + i % 900));
            records.add(KeyValue.pair(reading.getSensorId(), bytes(Topics.URBAN_SENSORS, reading)));
        }
        return records;
    }

    public Burst product(int events) {
        List<KeyValue<String, byte[]>> records = new ArrayList<>();
        List<SpecificRecord> valid = new ArrayList<>();
        Product product = ProductCatalog.find("elec-01").orElseThrow();
        for (int i = 0; i < events; i++) {
            long n = SEQUENCE.incrementAndGet();
            String user = "user_%04d".formatted(1 + n % 200);
            ProductEvent event = ProductEvent.newBuilder()
                    .setEventId("evt-" + n)
                    .setTimestamp(BASE.plusMillis(n))
                    .setUserId(user)
                    .setSessionId("sess_" + user.substring(5) + "_2026030108")
                    .setEventType(EventType.PRODUCT_VIEW)
                    .setProductId(product.id())
                    .setProductName(product.name())
                    .setCategory(product.category())
                    .setPrice(product.price())
                    .setPlatform(Platform.WEB)
                    .setPurchaseAmount(null)
                    .setPaymentMethod(null)
                    .build();
            valid.add(event);
            records.add(KeyValue.pair(user, bytes(Topics.PRODUCT_EVENTS, event)));
        }
        return new Burst(records, valid);
    }

    public Burst transport(int events) {
        List<KeyValue<String, byte[]>> records = new ArrayList<>();
        List<SpecificRecord> valid = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            long n = SEQUENCE.incrementAndGet();
            LocalDateTime time = LocalDateTime.of(2026, 3, 1, 8, 15).plusSeconds(n % 3600);
            TransportTrip trip = TransportTrip.newBuilder()
                    .setTransactionId("trip-" + n)
                    .setTransactionDate(time.toLocalDate())
                    .setTransactionTime(time.toLocalTime())
                    .setEventTime(time.toInstant(ZoneOffset.UTC))
                    .setServiceProvider(ServiceProvider.VA_Y_VEN)
                    .setRouteType(RouteType.URBAN_METROPOLITAN_CIRCUITO)
                    .setBoardingArea(BoardingArea.CENTRO)
                    .setAlightingArea(AlightingArea.CENTRO)
                    .setPaymentMethod(FarePaymentMethod.CARD)
                    .setFareType(FareType.REGULAR)
                    .setFareAmountMxn(new BigDecimal("12.00"))
                    .setTripDurationMinutes(45)
                    .setIsPeakHour(true)
                    .setPassengerCount(30)
                    .build();
            valid.add(trip);
            records.add(KeyValue.pair(trip.getTransactionId().toString(), bytes(Topics.TRANSPORTATION_STATS, trip)));
        }
        return new Burst(records, valid);
    }

    private static UrbanSensorReading reading(String sensorId) {
        long n = SEQUENCE.incrementAndGet();
        return UrbanSensorReading.newBuilder()
                .setSensorId(sensorId)
                .setTs(BASE.plusMillis(n))
                .setLocation(UrbanLocation.values()[(int) (n % UrbanLocation.values().length)])
                .setVehicleCount((int) (n % 200))
                .setAvgSpeedKmh(40.5)
                .setNoiseDb(55.5)
                .setPm25(12.25)
                .setPm10(20.5)
                .setStatus(SensorStatus.OK)
                .build();
    }

    private byte[] bytes(String topic, SpecificRecord event) {
        return serializer.serialize(topic, event);
    }

    /** sensor_id and ts: a reading's identity, the first two columns of the raw archive and of the processed file. */
    public static String idOf(String line) {
        String[] fields = line.split(",", 3);
        return fields[0] + "|" + fields[1];
    }
}
