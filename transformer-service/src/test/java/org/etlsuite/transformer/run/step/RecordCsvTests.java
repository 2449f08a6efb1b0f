package org.etlsuite.transformer.run.step;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.etlsuite.events.product.EventType;
import org.etlsuite.events.product.PaymentMethod;
import org.etlsuite.events.product.Platform;
import org.etlsuite.events.product.ProductCategory;
import org.etlsuite.events.product.ProductEventProcessed;
import org.etlsuite.events.transport.AlightingArea;
import org.etlsuite.events.transport.BoardingArea;
import org.etlsuite.events.transport.FarePaymentMethod;
import org.etlsuite.events.transport.FareType;
import org.etlsuite.events.transport.RouteType;
import org.etlsuite.events.transport.ServiceProvider;
import org.etlsuite.events.transport.TransportTrip;
import org.etlsuite.events.transport.TransportTripProcessed;
import org.etlsuite.events.urban.SensorStatus;
import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.events.urban.UrbanNoiseLevel;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.events.urban.UrbanSensorReadingProcessed;
import org.etlsuite.model.urban.UrbanLocations;
import org.etlsuite.transformer.csv.CsvFormat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordCsvTests {

    private static UrbanSensorReadingProcessed.Builder urban() {
        return UrbanSensorReadingProcessed.newBuilder()
                .setSensorId("sensor-123")
                .setTs(Instant.parse("2026-03-01T07:15:30.250Z"))
                .setLocation(UrbanLocation.CENTRO)
                .setVehicleCount(42)
                .setAvgSpeedKmh(35.5)
                .setNoiseDb(70.0)
                .setPm25(12.25)
                .setPm10(40.0)
                .setStatus(SensorStatus.MAINTENANCE)
                .setHour(7)
                .setDay(LocalDate.of(2026, 3, 1))
                .setIsPeakHour(true)
                .setPollutionIdx(23.35)
                .setNoiseLevel(UrbanNoiseLevel.MODERATE);
    }

    private static TransportTripProcessed.Builder trip() {
        return TransportTripProcessed.newBuilder()
                .setTransactionId("3f2b8c1e-0d4a-4c5e-9b7a-1e2f3a4b5c6d")
                .setTransactionDate(LocalDate.of(2026, 2, 28))
                .setTransactionTime(LocalTime.of(17, 45, 12))
                .setEventTime(Instant.parse("2026-02-28T17:45:12Z"))
                .setServiceProvider(ServiceProvider.VA_Y_VEN)
                .setRouteType(RouteType.IE_TRAM_CORRIDOR)
                .setBoardingArea(BoardingArea.CENTRO)
                .setAlightingArea(AlightingArea.UNIVERSITY_SCHOOL_WORK_AREA)
                .setPaymentMethod(FarePaymentMethod.CARD)
                .setFareType(FareType.STUDENT_SENIOR_DISABILITY)
                .setFareAmountMxn(new BigDecimal("2.50"))
                .setTripDurationMinutes(33)
                .setIsPeakHour(true)
                .setPassengerCount(61)
                .setDay(LocalDate.of(2026, 2, 28))
                .setHour(17)
                .setRevenue(new BigDecimal("2.50"));
    }

    private static ProductEventProcessed.Builder productView() {
        return ProductEventProcessed.newBuilder()
                .setEventId("9a1c7e2b-5f3d-4b8a-a6c4-0e1d2f3a4b5c")
                .setTimestamp(Instant.parse("2026-01-31T23:59:59Z"))
                .setUserId("user_0042")
                .setSessionId("sess_0042_2026013123")
                .setEventType(EventType.PRODUCT_VIEW)
                .setProductId("home-02")
                .setProductName("Blender 3000")
                .setCategory(ProductCategory.HOME)
                .setPrice(new BigDecimal("50.00"))
                .setPlatform(Platform.IOS)
                .setPurchaseAmount(new BigDecimal("0.00"))
                .setPaymentMethod(null)
                .setHour(23)
                .setDay(LocalDate.of(2026, 1, 31));
    }

    @Test
    void shouldNameColumnsAsTheSchemaFieldsInSchemaOrder() {
        assertThat(RecordCsv.header(UrbanSensorReading.getClassSchema())).containsExactly(
                "sensor_id", "ts", "location", "vehicle_count", "avg_speed_kmh", "noise_db", "pm25", "pm10", "status");
        assertThat(RecordCsv.header(TransportTrip.getClassSchema())).containsExactly(
                "transaction_id", "transaction_date", "transaction_time", "event_time", "service_provider", "route_type",
                "boarding_area", "alighting_area", "payment_method", "fare_type", "fare_amount_mxn", "trip_duration_minutes",
                "is_peak_hour", "passenger_count");
        assertThat(RecordCsv.header(ProductEventProcessed.getClassSchema())).containsExactly(
                "event_id", "timestamp", "user_id", "session_id", "event_type", "product_id", "product_name", "category",
                "price", "platform", "purchase_amount", "payment_method", "hour", "day");
    }

    @Test
    void shouldWriteProcessedUrbanReadingWithDisplayNamesAndIsoTimes() {
        assertThat(RecordCsv.values(urban().build())).containsExactly(
                "sensor-123", "2026-03-01T07:15:30.250Z", "Centro", "42", "35.5", "70.0", "12.25", "40.0", "MAINTENANCE",
                "7", "2026-03-01", "true", "23.35", "Moderate");
        assertThat(RecordCsv.header(UrbanSensorReadingProcessed.getClassSchema()))
                .hasSameSizeAs(RecordCsv.values(urban().build()));
    }

    @Test
    void shouldWriteEveryUrbanLocationAsItsDisplayName() {
        for (UrbanLocation location : UrbanLocation.values()) {
            assertThat(RecordCsv.values(urban().setLocation(location).build()).get(2))
                    .isEqualTo(UrbanLocations.displayName(location));
        }
        assertThat(RecordCsv.text(UrbanLocation.EMILIANO_ZAPATA)).isEqualTo("Emiliano Zapata");
    }

    @Test
    void shouldWriteUnclassifiedNoiseAsEmptyValue() {
        assertThat(RecordCsv.values(urban().setNoiseDb(125.0).setNoiseLevel(UrbanNoiseLevel.UNCLASSIFIED).build()).get(13))
                .isEmpty();
    }

    @Test
    void shouldWriteNonFiniteDoublesAsJavaDoes() {
        // the raw archive keeps what arrived, even values the quality rules reject later
        UrbanSensorReadingProcessed reading = urban()
                .setAvgSpeedKmh(Double.NaN)
                .setPm25(Double.POSITIVE_INFINITY)
                .setPm10(Double.NEGATIVE_INFINITY)
                .build();

        assertThat(RecordCsv.values(reading).subList(4, 8)).containsExactly("NaN", "70.0", "Infinity", "-Infinity");
    }

    @Test
    void shouldWriteDoublesWithoutExponent() {
        // Double.toString would give 1.0E7 and 1.0E-4
        UrbanSensorReadingProcessed reading = urban().setPollutionIdx(1.0E7).setPm25(0.0001).setNoiseDb(-0.0).build();

        assertThat(RecordCsv.values(reading).get(12)).isEqualTo("10000000");
        assertThat(RecordCsv.values(reading).get(6)).isEqualTo("0.0001");
        assertThat(RecordCsv.values(reading).get(5)).isEqualTo("-0.0");
    }

    @Test
    void shouldWriteProcessedTripWithTheOriginalsVocabulary() {
        assertThat(RecordCsv.values(trip().build())).containsExactly(
                "3f2b8c1e-0d4a-4c5e-9b7a-1e2f3a4b5c6d", "2026-02-28", "17:45:12", "2026-02-28T17:45:12Z", "Va-y-Ven (ATY)",
                "Ie-Tram Corridor", "Centro (Downtown)", "University/School/Work Area", "Card", "Student/Senior/Disability",
                "2.50", "33", "true", "61", "2026-02-28", "17", "2.50");
    }

    @Test
    void shouldWriteTheOtherTransportSymbolsAsDisplayNames() {
        TransportTripProcessed trip = trip()
                .setServiceProvider(ServiceProvider.TRADITIONAL_BUS_COMPANY)
                .setRouteType(RouteType.SUBURBAN_CONNECTING_ROUTE)
                .setBoardingArea(BoardingArea.EAST_ZONE)
                .setAlightingArea(AlightingArea.CENTRO)
                .setPaymentMethod(FarePaymentMethod.QR)
                .setFareType(FareType.REGULAR)
                .build();

        assertThat(RecordCsv.values(trip).subList(4, 10)).containsExactly("Traditional Bus Company", "Suburban/Connecting Route",
                "East Zone (Vergel/Kanasín)", "Centro (Downtown)", "QR", "Regular");
    }

    @Test
    void shouldWriteDecimalsAsPlainTextKeepingTheirScale() {
        assertThat(RecordCsv.text(new BigDecimal("2.50"))).isEqualTo("2.50");
        assertThat(RecordCsv.text(new BigDecimal("0.00"))).isEqualTo("0.00");
        // BigDecimal.toString would give 1.2E+3
        assertThat(RecordCsv.text(new BigDecimal("1.2E+3"))).isEqualTo("1200");
    }

    @Test
    void shouldWriteProductViewWithEmptyPaymentMethod() {
        assertThat(RecordCsv.values(productView().build())).containsExactly(
                "9a1c7e2b-5f3d-4b8a-a6c4-0e1d2f3a4b5c", "2026-01-31T23:59:59Z", "user_0042", "sess_0042_2026013123",
                "product_view", "home-02", "Blender 3000", "home", "50.00", "ios", "0.00", "", "23", "2026-01-31");
    }

    @Test
    void shouldWritePurchaseWithLowerCaseProductVocabulary() {
        ProductEventProcessed purchase = productView()
                .setEventType(EventType.PURCHASE)
                .setCategory(ProductCategory.ELECTRONICS)
                .setPlatform(Platform.ANDROID)
                .setPrice(new BigDecimal("1200.00"))
                .setPurchaseAmount(new BigDecimal("1200.00"))
                .setPaymentMethod(PaymentMethod.APPLE_PAY)
                .build();

        assertThat(RecordCsv.values(purchase).subList(4, 12)).containsExactly(
                "purchase", "home-02", "Blender 3000", "electronics", "1200.00", "android", "1200.00", "apple_pay");
    }

    @Test
    void shouldNeutraliseFormulasInFreeTextColumns() {
        ProductEventProcessed event = productView()
                .setProductName("=HYPERLINK(\"http://attacker.example\",\"Blender\")")
                .setUserId("@SUM(1+1)")
                .setSessionId("-2+3")
                .build();

        assertThat(RecordCsv.values(event).subList(2, 7)).containsExactly(
                "'@SUM(1+1)", "'-2+3", "product_view", "home-02", "'=HYPERLINK(\"http://attacker.example\",\"Blender\")");
        // quoted as any other field with a comma or quote: the guard comes first, the quoting around it
        assertThat(CsvFormat.line(RecordCsv.values(event))).contains(
                ",\"'=HYPERLINK(\"\"http://attacker.example\"\",\"\"Blender\"\")\",");
    }

    @Test
    void shouldLeaveNegativeNumbersInNumericColumnsAsTheyAre() {
        UrbanSensorReadingProcessed reading = urban().setSensorId("-1").setAvgSpeedKmh(-3.5).setVehicleCount(-4)
                .setPollutionIdx(-0.25).build();

        List<String> values = RecordCsv.values(reading);
        assertThat(values.get(0)).isEqualTo("'-1");
        assertThat(values.get(3)).isEqualTo("-4");
        assertThat(values.get(4)).isEqualTo("-3.5");
        assertThat(values.get(12)).isEqualTo("-0.25");
    }

    @Test
    void shouldWriteNullAsEmptyText() {
        assertThat(RecordCsv.text(null)).isEmpty();
    }

    @Test
    void shouldWriteOnlyTheRemainingBytesOfABufferAsHex() {
        byte[] bytes = {0x00, 0x0a, (byte) 0xff, 0x10};

        assertThat(RecordCsv.text(ByteBuffer.wrap(bytes, 1, 2))).isEqualTo("0aff");
        // a slice starts at an array offset: the hex must start there too
        assertThat(RecordCsv.text(ByteBuffer.wrap(bytes).position(1).slice())).isEqualTo("0aff10");
    }
}
