package org.etlsuite.transformer.urban;

import java.time.Instant;

import org.etlsuite.events.urban.SensorStatus;
import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.events.urban.UrbanSensorReading;

/** Readings for tests. */
final class TestReadings {

    private TestReadings() {
    }

    static UrbanSensorReading reading(String sensorId, String ts, UrbanLocation location, int vehicles,
                                      double speed, double noise, double pm25, double pm10) {
        return UrbanSensorReading.newBuilder()
                .setSensorId(sensorId)
                .setTs(Instant.parse(ts))
                .setLocation(location)
                .setVehicleCount(vehicles)
                .setAvgSpeedKmh(speed)
                .setNoiseDb(noise)
                .setPm25(pm25)
                .setPm10(pm10)
                .setStatus(SensorStatus.OK)
                .build();
    }

    static UrbanSensorReading reading(String ts, UrbanLocation location) {
        return reading("sensor-100", ts, location, 10, 20.0, 50.0, 10.0, 20.0);
    }
}
