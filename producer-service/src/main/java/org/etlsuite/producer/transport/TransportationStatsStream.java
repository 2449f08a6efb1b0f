package org.etlsuite.producer.transport;

import java.time.Clock;
import java.util.Objects;

import org.etlsuite.events.transport.TransportTrip;
import org.etlsuite.model.Topics;
import org.etlsuite.producer.stream.Defects;
import org.etlsuite.producer.stream.EventGenerator;
import org.etlsuite.producer.stream.EventStream;
import org.etlsuite.producer.stream.EventTimes;

/** The {@code transportation-stats} stream: public-transport trips keyed by {@code transaction_id}. */
public final class TransportationStatsStream implements EventStream<TransportTrip> {

    public static final String NAME = Topics.TRANSPORTATION_STATS;

    private final Clock clock;

    public TransportationStatsStream(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EventGenerator<TransportTrip> newGenerator(long seed) {
        return new TransportTripGenerator(seed, clock);
    }

    @Override
    public EventGenerator<TransportTrip> newGenerator(long seed, EventTimes times) {
        return new TransportTripGenerator(seed, times);
    }

    @Override
    public String keyOf(TransportTrip event) {
        return event.getTransactionId();
    }

    @Override
    public String keyField() {
        return "transaction_id";
    }

    @Override
    public Defects<TransportTrip> defects() {
        return TransportDefects.INSTANCE;
    }
}
