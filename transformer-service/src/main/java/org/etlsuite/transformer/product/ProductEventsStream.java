package org.etlsuite.transformer.product;

import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.etlsuite.events.product.ProductEvent;
import org.etlsuite.events.product.ProductEventProcessed;
import org.etlsuite.model.Topics;
import org.etlsuite.model.kpi.ProductKpiFiles;
import org.etlsuite.transformer.kpi.Tally;
import org.etlsuite.transformer.kpi.TallySerde;
import org.etlsuite.transformer.stream.PipelineLayout;
import org.etlsuite.transformer.stream.StreamDefinition;
import org.etlsuite.transformer.stream.StreamSpec;
import org.etlsuite.transformer.table.Aggregation;
import org.etlsuite.transformer.table.KpiTable;
import org.etlsuite.transformer.table.TableFile;

/** The product-events stream: its rules, identity and features, and its KPI table with the files exported from it. */
public final class ProductEventsStream {

    public static final String TOPIC = Topics.PRODUCT_EVENTS;

    /** The cells of {@link ProductKpis} and the four product KPI files, all views of the one table. */
    public static final KpiTable<String, Tally> KPIS = new KpiTable<>(TOPIC, "kpis", Serdes.String(), new TallySerde(), Tally::plus, List.of(
            new TableFile<>(ProductKpiFiles.Category.RELATIVE_PATH, ProductKpis::categoryDocument),
            new TableFile<>(ProductKpiFiles.Funnel.RELATIVE_PATH, ProductKpis::funnelDocument),
            new TableFile<>(ProductKpiFiles.Platform.RELATIVE_PATH, ProductKpis::platformDocument),
            new TableFile<>(ProductKpiFiles.RevenueHourly.RELATIVE_PATH, ProductKpis::revenueHourlyDocument)));

    /** The stream's pipeline, named as the original's DAG and its files. */
    public static final PipelineLayout PIPELINE = new PipelineLayout("product-events", "VMI_PRODUCT_EVENTS_ETL",
            "raw_product/events_%s.csv", "processed_product/product_events_clean.csv");

    private ProductEventsStream() {
    }

    /**
     * Keyed by user_id (docs/DOMAIN.md: keeps a user's funnel in order) but de-duplicated by event_id: two
     * copies of an event carry the same user and would meet on one partition only as long as every
     * producer keys by user, so the framework re-keys by event id and repartitions before the
     * de-duplication instead of relying on that. Processed events are keyed by user_id again.
     */
    public static StreamSpec<ProductEvent, ProductEventProcessed> spec() {
        return new StreamSpec<>(
                TOPIC,
                ProductEvent.class,
                ProductEventProcessed.class,
                ProductEventRules.ALL,
                ProductEvent::getUserId,
                ProductEvent::getEventId,
                StreamSpec.DedupKeying.REPARTITION_BY_EVENT_ID,
                ProductFeatures::enrich);
    }

    public static StreamDefinition<ProductEvent, ProductEventProcessed> definition() {
        return new StreamDefinition<>(spec(), PIPELINE, List.of(new Aggregation<ProductEventProcessed, String, Tally>(KPIS, ProductKpis::cells)));
    }
}
