package org.etlsuite.producer.product;

import java.time.Clock;
import java.util.Objects;

import org.etlsuite.events.product.ProductEvent;
import org.etlsuite.model.Topics;
import org.etlsuite.producer.stream.Defects;
import org.etlsuite.producer.stream.EventGenerator;
import org.etlsuite.producer.stream.EventStream;
import org.etlsuite.producer.stream.EventTimes;

/** The {@code product-events} stream: shopper interactions keyed by {@code user_id}, so a user's funnel stays in order. */
public final class ProductEventsStream implements EventStream<ProductEvent> {

    public static final String NAME = Topics.PRODUCT_EVENTS;

    private final Clock clock;

    public ProductEventsStream(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EventGenerator<ProductEvent> newGenerator(long seed) {
        return new ProductEventGenerator(seed, clock);
    }

    @Override
    public EventGenerator<ProductEvent> newGenerator(long seed, EventTimes times) {
        return new ProductEventGenerator(seed, times);
    }

    @Override
    public String keyOf(ProductEvent event) {
        return event.getUserId();
    }

    @Override
    public String keyField() {
        return "user_id";
    }

    @Override
    public Defects<ProductEvent> defects() {
        return ProductDefects.INSTANCE;
    }
}
