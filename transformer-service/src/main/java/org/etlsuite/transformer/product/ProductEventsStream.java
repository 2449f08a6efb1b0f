package org.etlsuite.transformer.product;

import org.etlsuite.events.product.ProductEvent;
import org.etlsuite.events.product.ProductEventProcessed;
import org.etlsuite.model.Topics;
import org.etlsuite.transformer.pipeline.StreamSpec;

/** The product-events stream in the common pipeline: its rules, identity and features. */
public final class ProductEventsStream {

    public static final String TOPIC = Topics.PRODUCT_EVENTS;

    private ProductEventsStream() {
    }

    /**
     * Keyed by user_id (DOMAIN.md: keeps a user's funnel in order) but de-duplicated by event_id: two
     * copies of an event carry the same user and would meet on one partition only as long as every
     * producer keys by user, so the framework re-keys by event id and repartitions before the
     * de-duplication instead of relying on that. Processed events are keyed by user_id again.
     */
    public static StreamSpec<ProductEvent, ProductEventProcessed> spec() {
        return new StreamSpec<>(
                TOPIC,
                ProductEvent.class,
                ProductEventRules.ALL,
                ProductEvent::getUserId,
                ProductEvent::getEventId,
                StreamSpec.DedupKeying.REPARTITION_BY_EVENT_ID,
                ProductFeatures::enrich);
    }
}
