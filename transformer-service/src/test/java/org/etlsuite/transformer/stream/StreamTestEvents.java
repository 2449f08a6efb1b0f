package org.etlsuite.transformer.stream;

import java.time.Instant;

import org.etlsuite.events.urban.SensorStatus;
import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.events.urban.UrbanSensorReading;

/** Events for the framework's tests (the urban reading serves as a sample event type). */
final class StreamTestEvents {

    private StreamTestEvents() {
    }

    static UrbanSensorReading reading(String sensorId, String ts) {
        return UrbanSensorReading.newBuilder()
                .setSensorId(sensorId)
                .setTs(Instant.parse(ts))
                .setLocation(UrbanLocation.CENTRO)
                .setVehicleCount(10)
                .setAvgSpeedKmh(30.0)
                .setNoiseDb(50.0)
                .setPm25(10.0)
                .setPm10(20.0)
                .setStatus(SensorStatus.OK)
                .build();
    }
}
