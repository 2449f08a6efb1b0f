package org.etlsuite.producer.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.LongFunction;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.etlsuite.events.transport.TransportTrip;
import org.etlsuite.model.registry.MockSchemaRegistry;
import org.etlsuite.model.serde.AvroDeserializer;
import org.etlsuite.model.serde.AvroSerdeConfig;
import org.etlsuite.model.serde.AvroSerializer;
import org.etlsuite.producer.product.ProductDefects;
import org.etlsuite.producer.product.ProductEventGenerator;
import org.etlsuite.producer.transport.TransportDefects;
import org.etlsuite.producer.transport.TransportTripGenerator;
import org.etlsuite.producer.urban.UrbanDefects;
import org.etlsuite.producer.urban.UrbanSensorGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The defect kinds of every stream: each is produced, stays schema-valid (it round-trips through the Confluent
 * serializer and deserializer), breaks exactly the data-quality rule it names ({@link QualityRules}, written
 * independently of the defect code), and changes only the fields that rule is about. Clean events break no rule.
 */
class DefectsTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T17:45:12.345Z"), ZoneOffset.UTC);
    private static final String SCOPE = "defects-" + UUID.randomUUID();
    private static final int DRAWS = 3_000;

    /**
     * One stream's defects.
     *
     * @param topic         topic whose subject the serializer registers
     * @param defects       the stream's defect kinds
     * @param generator     clean events for a seed
     * @param changedFields per defect kind, the fields it may change (Avro field names)
     */
    record Case(String topic, Defects<SpecificRecord> defects, LongFunction<EventGenerator<SpecificRecord>> generator,
                Map<String, Set<String>> changedFields) {

        @Override
        public String toString() {
            return topic;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Stream<Case> streams() {
        return Stream.of(
                new Case("urban-sensors", (Defects) UrbanDefects.INSTANCE,
                        seed -> (EventGenerator) new UrbanSensorGenerator(seed, CLOCK), Map.of(
                        "empty_sensor_id", Set.of("sensor_id"),
                        "vehicle_count_out_of_range", Set.of("vehicle_count"),
                        "pm25_out_of_range", Set.of("pm25"),
                        "pm10_out_of_range", Set.of("pm10"),
                        "noise_out_of_range", Set.of("noise_db"),
                        "negative_speed", Set.of("avg_speed_kmh"))),
                new Case("product-events", (Defects) ProductDefects.INSTANCE,
                        seed -> (EventGenerator) new ProductEventGenerator(seed, CLOCK), Map.of(
                        "empty_event_id", Set.of("event_id"),
                        "empty_user_id", Set.of("user_id"),
                        "negative_price", Set.of("price", "purchase_amount"),
                        "purchase_missing_payment_details", Set.of("event_type", "purchase_amount", "payment_method"),
                        "non_purchase_with_payment_details", Set.of("event_type", "purchase_amount", "payment_method"),
                        "purchase_amount_mismatch", Set.of("event_type", "purchase_amount", "payment_method"))),
                new Case("transportation-stats", (Defects) TransportDefects.INSTANCE,
                        seed -> (EventGenerator) new TransportTripGenerator(seed, CLOCK), Map.of(
                        "empty_transaction_id", Set.of("transaction_id"),
                        "fare_mismatch", Set.of("fare_amount_mxn"),
                        "trip_duration_out_of_range", Set.of("trip_duration_minutes"),
                        "passenger_count_out_of_range", Set.of("passenger_count"),
                        "outside_service_hours", Set.of("transaction_time", "event_time", "is_peak_hour"))));
    }

    @AfterAll
    static void dropRegistryScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @ParameterizedTest
    @MethodSource("streams")
    void shouldNameEachDefectAfterARuleOfTheStream(Case stream) {
        assertThat(stream.defects().kinds()).containsExactlyInAnyOrderElementsOf(stream.changedFields().keySet());
    }

    @ParameterizedTest
    @MethodSource("streams")
    void shouldProduceEveryDefectKindInRoughlyEqualShares(Case stream) {
        List<Defects.Defective<SpecificRecord>> dirty = dirty(stream, 11L);
        Map<String, Integer> perKind = new HashMap<>();
        dirty.forEach(d -> perKind.merge(d.defect(), 1, Integer::sum));

        assertThat(perKind.keySet()).containsExactlyInAnyOrderElementsOf(stream.defects().kinds());
        double expected = (double) DRAWS / stream.defects().kinds().size();
        // Uniform draw: each kind within 20 % of its expected count (several standard deviations at these counts).
        assertThat(perKind.values()).allSatisfy(count -> assertThat(count).isBetween((int) (expected * 0.8), (int) (expected * 1.2)));
    }

    @ParameterizedTest
    @MethodSource("streams")
    void shouldBreakExactlyTheRuleTheDefectNames(Case stream) {
        assertThat(dirty(stream, 12L)).allSatisfy(d ->
                assertThat(QualityRules.violations(d.event())).as("%s: %s", d.defect(), d.event()).containsExactly(d.defect()));
    }

    @ParameterizedTest
    @MethodSource("streams")
    void shouldLeaveCleanEventsBreakingNoRule(Case stream) {
        EventGenerator<SpecificRecord> generator = stream.generator().apply(13L);
        for (int i = 0; i < 20_000; i++) {
            SpecificRecord event = generator.next();
            assertThat(QualityRules.violations(event)).as("%s", event).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("streams")
    void shouldChangeOnlyTheFieldsOfTheBrokenRuleAndLeaveTheCleanEventAlone(Case stream) {
        EventGenerator<SpecificRecord> generator = stream.generator().apply(14L);
        SplittableRandom random = new SplittableRandom(14L);
        for (int i = 0; i < DRAWS; i++) {
            SpecificRecord clean = generator.next();
            SpecificRecord copy = copyOf(clean);
            Defects.Defective<SpecificRecord> dirty = stream.defects().apply(clean, random);

            assertThat(clean).isEqualTo(copy);
            assertThat(changedFields(clean, dirty.event())).as("%s", dirty.defect())
                    .isNotEmpty()
                    .isSubsetOf(stream.changedFields().get(dirty.defect()));
        }
    }

    @ParameterizedTest
    @MethodSource("streams")
    void shouldStaySchemaValidThroughTheConfluentSerializerAndDeserializer(Case stream) {
        Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, MockSchemaRegistry.URL_PREFIX + SCOPE,
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        try (AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>();
             AvroDeserializer<SpecificRecord> deserializer = new AvroDeserializer<>()) {
            serializer.configure(config, false);
            deserializer.configure(config, false);
            Set<String> seen = new HashSet<>();
            for (Defects.Defective<SpecificRecord> dirty : dirty(stream, 15L).subList(0, 600)) {
                byte[] bytes = serializer.serialize(stream.topic(), dirty.event());
                assertThat(deserializer.deserialize(stream.topic(), bytes)).as("%s", dirty.defect()).isEqualTo(dirty.event());
                seen.add(dirty.defect());
            }
            assertThat(seen).containsExactlyInAnyOrderElementsOf(stream.defects().kinds());
        }
    }

    @ParameterizedTest
    @MethodSource("streams")
    void shouldDrawTheSameDefectsFromTheSameRandomState(Case stream) {
        assertThat(dirty(stream, 16L)).isEqualTo(dirty(stream, 16L));
    }

    @Test
    void shouldKeepTheTimesOfADefectiveTripConsistentAndInThePast() {
        Case trips = streams().filter(stream -> stream.topic().equals("transportation-stats")).findFirst().orElseThrow();
        for (Defects.Defective<SpecificRecord> dirty : dirty(trips, 17L)) {
            TransportTrip trip = (TransportTrip) dirty.event();
            assertThat(trip.getEventTime())
                    .isEqualTo(LocalDateTime.of(trip.getTransactionDate(), trip.getTransactionTime()).toInstant(ZoneOffset.UTC))
                    .isBeforeOrEqualTo(CLOCK.instant());
        }
    }

    private static List<Defects.Defective<SpecificRecord>> dirty(Case stream, long seed) {
        EventGenerator<SpecificRecord> generator = stream.generator().apply(seed);
        SplittableRandom random = new SplittableRandom(seed);
        List<Defects.Defective<SpecificRecord>> dirty = new ArrayList<>();
        for (int i = 0; i < DRAWS; i++) {
            dirty.add(stream.defects().apply(generator.next(), random));
        }
        return dirty;
    }

    private static Set<String> changedFields(SpecificRecord clean, SpecificRecord dirty) {
        Set<String> changed = new HashSet<>();
        for (Schema.Field field : clean.getSchema().getFields()) {
            if (!Objects.equals(clean.get(field.pos()), dirty.get(field.pos()))) {
                changed.add(field.name());
            }
        }
        return changed;
    }

    private static SpecificRecord copyOf(SpecificRecord record) {
        return (SpecificRecord) SpecificData.getForSchema(record.getSchema()).deepCopy(record.getSchema(), record);
    }
}
