package org.etlsuite.transformer.product;

import java.util.Objects;

import org.apache.kafka.streams.StreamsBuilder;
import org.etlsuite.events.product.ProductEvent;
import org.etlsuite.events.product.ProductEventProcessed;
import org.etlsuite.transformer.kpi.KpiTopology;
import org.etlsuite.transformer.pipeline.StreamPipeline;

/**
 * The product-events pipeline: the common steps of {@link StreamPipeline} (decode, rules, dead
 * letters, re-key by event id, de-duplication, enrichment, data-quality counts), then the cumulative
 * KPI table of {@link ProductKpis} exported through {@link KpiTopology}.
 */
public final class ProductEventsTopology {

    private final StreamPipeline<ProductEvent, ProductEventProcessed> pipeline;

    public ProductEventsTopology(StreamPipeline<ProductEvent, ProductEventProcessed> pipeline) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    }

    public void addTo(StreamsBuilder builder) {
        new KpiTopology<ProductEventProcessed>(ProductEventsStream.TOPIC, ProductKpis::cells).addTo(builder, pipeline.addTo(builder));
    }
}
