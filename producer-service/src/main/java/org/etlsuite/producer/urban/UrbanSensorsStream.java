package org.etlsuite.producer.urban;

import java.time.Clock;
import java.util.Objects;

import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.model.Topics;
import org.etlsuite.producer.stream.Defects;
import org.etlsuite.producer.stream.EventGenerator;
import org.etlsuite.producer.stream.EventStream;
import org.etlsuite.producer.stream.EventTimes;

/** The {@code urban-sensors} stream: city sensor readings keyed by {@code sensor_id}. */
public final class UrbanSensorsStream implements EventStream<UrbanSensorReading> {

    public static final String NAME = Topics.URBAN_SENSORS;

    private final Clock clock;

    public UrbanSensorsStream(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EventGenerator<UrbanSensorReading> newGenerator(long seed) {
        return new UrbanSensorGenerator(seed, clock);
    }

    @Override
    public EventGenerator<UrbanSensorReading> newGenerator(long seed, EventTimes times) {
        return new UrbanSensorGenerator(seed, times);
    }

    @Override
    public String keyOf(UrbanSensorReading event) {
        return event.getSensorId();
    }

    @Override
    public String keyField() {
        return "sensor_id";
    }

    @Override
    public Defects<UrbanSensorReading> defects() {
        return UrbanDefects.INSTANCE;
    }
}
