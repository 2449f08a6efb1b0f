package org.etlsuite.transformer.transport;

import java.util.Objects;

import org.apache.kafka.streams.StreamsBuilder;
import org.etlsuite.events.transport.TransportTrip;
import org.etlsuite.events.transport.TransportTripProcessed;
import org.etlsuite.transformer.kpi.KpiTopology;
import org.etlsuite.transformer.pipeline.StreamPipeline;

/**
 * The transportation-stats pipeline: the common steps of {@link StreamPipeline} (decode, rules, dead
 * letters, de-duplication by transaction_id, enrichment, data-quality counts), then the cumulative KPI
 * table of {@link TransportKpis} exported through {@link KpiTopology}.
 */
public final class TransportationStatsTopology {

    private final StreamPipeline<TransportTrip, TransportTripProcessed> pipeline;

    public TransportationStatsTopology(StreamPipeline<TransportTrip, TransportTripProcessed> pipeline) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    }

    public void addTo(StreamsBuilder builder) {
        new KpiTopology<TransportTripProcessed>(TransportationStatsStream.TOPIC, TransportKpis::cells).addTo(builder, pipeline.addTo(builder));
    }
}
