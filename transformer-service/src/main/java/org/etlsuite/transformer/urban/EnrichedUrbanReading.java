package org.etlsuite.transformer.urban;

import java.time.LocalDate;

import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.model.urban.NoiseLevel;

/**
 * A clean reading with the derived features of the original pipeline (DOMAIN.md). The hourly
 * aggregate uses day, hour and pollution index; the peak-hour flag and the noise class are
 * features of the per-reading processed record, which the processed topic is to carry. For now it
 * lives only inside one sub-topology (never serialized), so it needs no serde.
 *
 * @param reading      the reading as received
 * @param day          day of the event time, UTC
 * @param hour         hour of the event time, UTC, 0..23
 * @param peakHour     whether {@code hour} is one of 7, 8, 9, 17, 18, 19
 * @param pollutionIdx 0.6 · pm25 + 0.4 · pm10
 * @param noiseLevel   class of {@code noise_db}
 */
public record EnrichedUrbanReading(
        UrbanSensorReading reading,
        LocalDate day,
        int hour,
        boolean peakHour,
        double pollutionIdx,
        NoiseLevel noiseLevel) {
}
