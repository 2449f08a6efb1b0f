package org.etlsuite.transformer.transport;

import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.etlsuite.events.transport.TransportTrip;
import org.etlsuite.events.transport.TransportTripProcessed;
import org.etlsuite.model.Topics;
import org.etlsuite.model.kpi.TransportKpiFiles;
import org.etlsuite.transformer.kpi.Tally;
import org.etlsuite.transformer.kpi.TallySerde;
import org.etlsuite.transformer.stream.PipelineLayout;
import org.etlsuite.transformer.stream.StreamDefinition;
import org.etlsuite.transformer.stream.StreamSpec;
import org.etlsuite.transformer.table.Aggregation;
import org.etlsuite.transformer.table.KpiTable;
import org.etlsuite.transformer.table.TableFile;

/** The transportation-stats stream: its rules, identity and features, and its KPI table with the files exported from it. */
public final class TransportationStatsStream {

    public static final String TOPIC = Topics.TRANSPORTATION_STATS;

    /** The cells of {@link TransportKpis} and the five transport KPI files, all views of the one table. */
    public static final KpiTable<String, Tally> KPIS = new KpiTable<>(TOPIC, "kpis", Serdes.String(), new TallySerde(), Tally::plus, List.of(
            new TableFile<>(TransportKpiFiles.Summary.RELATIVE_PATH, TransportKpis::summaryDocument),
            new TableFile<>(TransportKpiFiles.Daily.RELATIVE_PATH, TransportKpis::dailyDocument),
            new TableFile<>(TransportKpiFiles.BoardingAreas.RELATIVE_PATH, TransportKpis::boardingAreasDocument),
            new TableFile<>(TransportKpiFiles.Routes.RELATIVE_PATH, TransportKpis::routesDocument),
            new TableFile<>(TransportKpiFiles.Fares.RELATIVE_PATH, TransportKpis::faresDocument)));

    /** The stream's pipeline, named as the original's DAG and its files. */
    public static final PipelineLayout PIPELINE = new PipelineLayout("transportation", "VMI_001",
            "raw_transport/transportation_raw_%s.csv", "processed_transport/processed.csv",
            "processed_transport/final_data_warehouse_output.csv");

    private TransportationStatsStream() {
    }

    /**
     * De-duplication by transaction_id without a repartition: the input key is the transaction_id
     * itself (the producer keys by it), so every copy of a trip lands on the same partition and task.
     */
    public static StreamSpec<TransportTrip, TransportTripProcessed> spec() {
        return new StreamSpec<>(
                TOPIC,
                TransportTrip.class,
                TransportTripProcessed.class,
                TransportTripRules.ALL,
                TransportTrip::getTransactionId,
                TransportTrip::getTransactionId,
                StreamSpec.DedupKeying.INPUT_KEY,
                TransportFeatures::enrich);
    }

    public static StreamDefinition<TransportTrip, TransportTripProcessed> definition() {
        return new StreamDefinition<>(spec(), PIPELINE, List.of(new Aggregation<TransportTripProcessed, String, Tally>(KPIS, TransportKpis::cells)));
    }
}
