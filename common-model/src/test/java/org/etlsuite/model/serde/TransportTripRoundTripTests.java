package org.etlsuite.model.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HexFormat;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.etlsuite.events.transport.AlightingArea;
import org.etlsuite.events.transport.BoardingArea;
import org.etlsuite.events.transport.FarePaymentMethod;
import org.etlsuite.events.transport.FareType;
import org.etlsuite.events.transport.RouteType;
import org.etlsuite.events.transport.ServiceProvider;
import org.etlsuite.events.transport.TransportTrip;
import org.etlsuite.model.Topics;
import org.etlsuite.model.registry.MockSchemaRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** transportation-stats values through the serializer and deserializer, against an in-memory registry. */
class TransportTripRoundTripTests {

    private static final LocalDate DATE = LocalDate.of(2025, 11, 24);
    private static final LocalTime TIME = LocalTime.of(17, 45, 12);
    private static final Instant EVENT_TIME = Instant.parse("2025-11-24T17:45:12Z");

    private final String scope = "transport-round-trip-" + System.nanoTime();
    private final MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(scope);
    }

    static TransportTrip trip(String fare) {
        return TransportTrip.newBuilder()
                .setTransactionId("9b2f5c1e-3d4a-4f6b-8c7d-0e1f2a3b4c5d")
                .setTransactionDate(DATE)
                .setTransactionTime(TIME)
                .setEventTime(EVENT_TIME)
                .setServiceProvider(ServiceProvider.VA_Y_VEN)
                .setRouteType(RouteType.IE_TRAM_CORRIDOR)
                .setBoardingArea(BoardingArea.EAST_ZONE)
                .setAlightingArea(AlightingArea.UNIVERSITY_SCHOOL_WORK_AREA)
                .setPaymentMethod(FarePaymentMethod.CARD)
                .setFareType(FareType.STUDENT_SENIOR_DISABILITY)
                .setFareAmountMxn(new BigDecimal(fare))
                .setTripDurationMinutes(27)
                .setIsPeakHour(true)
                .setPassengerCount(85)
                .build();
    }

    private byte[] serialize(TransportTrip trip) {
        return new AvroSerializer<TransportTrip>(registry, true).serialize(Topics.TRANSPORTATION_STATS, trip);
    }

    private TransportTrip readSpecific(byte[] bytes) {
        return new AvroDeserializer<TransportTrip>(registry, true).deserialize(Topics.TRANSPORTATION_STATS, bytes);
    }

    private GenericRecord readGeneric(byte[] bytes) {
        return new AvroDeserializer<GenericRecord>(registry, false).deserialize(Topics.TRANSPORTATION_STATS, bytes);
    }

    @Test
    void shouldRoundTripATripWithItsDateTimeAndEventTime() {
        TransportTrip read = readSpecific(serialize(trip("2.50")));

        assertThat(read).isEqualTo(trip("2.50"));
        assertThat(read.getTransactionDate()).isEqualTo(DATE);
        assertThat(read.getTransactionTime()).isEqualTo(TIME);
        assertThat(read.getEventTime()).isEqualTo(EVENT_TIME);
        assertThat(read.getBoardingArea()).isEqualTo(BoardingArea.EAST_ZONE);
        assertThat(read.getAlightingArea()).isEqualTo(AlightingArea.UNIVERSITY_SCHOOL_WORK_AREA);
    }

    @ParameterizedTest
    @CsvSource({"12.00, 04b0", "5.00, 01f4", "2.50, 00fa", "0.00, 00"})
    void shouldKeepEveryFareExactToTheCentavo(String fare, String centsTwosComplement) {
        byte[] bytes = serialize(trip(fare));

        assertThat(readSpecific(bytes).getFareAmountMxn()).isEqualTo(new BigDecimal(fare));
        ByteBuffer raw = ((ByteBuffer) readGeneric(bytes).get("fare_amount_mxn")).duplicate();
        byte[] unscaled = new byte[raw.remaining()];
        raw.get(unscaled);
        assertThat(HexFormat.of().formatHex(unscaled)).isEqualTo(centsTwosComplement);
    }

    @Test
    void shouldWriteDateAsEpochDaysAndTimeAsMillisAfterMidnight() {
        GenericRecord read = readGeneric(serialize(trip("12.00")));

        assertThat(read.get("transaction_date")).isEqualTo((int) DATE.toEpochDay());
        assertThat(read.get("transaction_time")).isEqualTo(((17 * 60 + 45) * 60 + 12) * 1000);
        assertThat(read.get("event_time")).isEqualTo(EVENT_TIME.toEpochMilli());
        assertThat(read.get("service_provider")).hasToString("VA_Y_VEN");
        assertThat(read.get("route_type")).hasToString("IE_TRAM_CORRIDOR");
        assertThat(read.get("fare_type")).hasToString("STUDENT_SENIOR_DISABILITY");
        assertThat(read.get("payment_method")).hasToString("CARD");
        assertThat(read.get("trip_duration_minutes")).isEqualTo(27);
        assertThat(read.get("is_peak_hour")).isEqualTo(true);
        assertThat(read.get("passenger_count")).isEqualTo(85);
    }

    @Test
    void shouldRefuseAFareThatWouldNeedRounding() {
        TransportTrip trip = trip("2.50");
        trip.setFareAmountMxn(new BigDecimal("2.505"));

        assertThatThrownBy(() -> serialize(trip))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot encode decimal with scale 3 as scale 2");
    }

    @Test
    void shouldRegisterTheValueSchemaUnderTheTopicValueSubject() throws IOException {
        serialize(trip("12.00"));

        assertThat(registry.getSubjects()).containsExactly("transportation-stats-value");
        Schema registered = new Schema.Parser().parse(registry.getLatestVersion("transportation-stats-value").schema());
        Schema file = new Schema.Parser().parse(Path.of("..", "schemas", "transport-trip.avsc").toFile());
        assertThat(SchemaNormalization.parsingFingerprint64(registered))
                .isEqualTo(SchemaNormalization.parsingFingerprint64(file));
        assertThat(registered.getField("fare_amount_mxn").schema().getLogicalType()).isEqualTo(LogicalTypes.decimal(6, 2));
        assertThat(registered.getField("transaction_date").schema().getLogicalType()).isEqualTo(LogicalTypes.date());
        assertThat(registered.getField("transaction_time").schema().getLogicalType()).isEqualTo(LogicalTypes.timeMillis());
    }
}
