package org.etlsuite.model.serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;

import org.apache.avro.Schema;
import org.etlsuite.events.urban.SensorStatus;
import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.events.urban.UrbanSensorReading;

/** Fixed test data shared by the serde tests. */
final class TestReadings {

    /** 2024-05-01T12:34:56.789Z, chosen so the millis need a 6-byte zig-zag varint. */
    static final Instant TS = Instant.parse("2024-05-01T12:34:56.789Z");

    /** The schema file itself, not the generated class's copy (which carries avro.java.string props). */
    static final Path SCHEMA_FILE = Path.of("..", "schemas", "urban-sensor-reading.avsc");

    private TestReadings() {
    }

    static UrbanSensorReading reading() {
        return UrbanSensorReading.newBuilder()
                .setSensorId("sensor-101")
                .setTs(TS)
                .setLocation(UrbanLocation.EMILIANO_ZAPATA)
                .setVehicleCount(42)
                .setAvgSpeedKmh(37.5)
                .setNoiseDb(65.5)
                .setPm25(12.25)
                .setPm10(30.5)
                .setStatus(SensorStatus.OK)
                .build();
    }

    static UrbanSensorReading reading(String sensorId, int vehicles) {
        UrbanSensorReading reading = reading();
        reading.setSensorId(sensorId);
        reading.setVehicleCount(vehicles);
        return reading;
    }

    static Schema schemaFromFile() {
        try {
            return new Schema.Parser().parse(SCHEMA_FILE.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
