package org.etlsuite.transformer;

import java.time.Instant;
import java.util.Map;

import org.etlsuite.events.urban.SensorStatus;
import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.model.AvroTrust;
import org.etlsuite.model.serde.AvroSerializer;

/**
 * The transformer as a child JVM of a test, so that the test can kill it like a crashed process
 * ({@link Process#destroyForcibly()}: SIGKILL, no shutdown hook, no commit, no clean leave).
 *
 * <p>A {@code mock://} registry lives in one JVM, and the test JVM registered the input schema in its
 * own. Registering the same schema first in this JVM's scope gives it the same id (the mock registry
 * numbers schemas from 1 in registration order), so the records the test produced decode here.
 */
public final class TransformerProcess {

    /** System property naming the {@code mock://} registry URL shared with the test. */
    static final String REGISTRY_PROPERTY = "etl.test.registry-url";

    private TransformerProcess() {
    }

    public static void main(String[] args) {
        AvroTrust.trustGeneratedEvents();
        try (AvroSerializer<UrbanSensorReading> serializer = new AvroSerializer<>()) {
            serializer.configure(Map.of("schema.registry.url", System.getProperty(REGISTRY_PROPERTY)), false);
            serializer.serialize("urban-sensors", UrbanSensorReading.newBuilder()
                    .setSensorId("sensor-100")
                    .setTs(Instant.EPOCH.plusSeconds(1))
                    .setLocation(UrbanLocation.CENTRO)
                    .setVehicleCount(0)
                    .setAvgSpeedKmh(0)
                    .setNoiseDb(30)
                    .setPm25(1)
                    .setPm10(5)
                    .setStatus(SensorStatus.OK)
                    .build());
        }
        TransformerApplication.main(args);
    }
}
