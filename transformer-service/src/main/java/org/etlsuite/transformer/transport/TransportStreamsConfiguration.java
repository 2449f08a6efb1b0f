package org.etlsuite.transformer.transport;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsBuilder;
import org.etlsuite.events.transport.TransportTrip;
import org.etlsuite.events.transport.TransportTripProcessed;
import org.etlsuite.model.kpi.TransportKpiFiles;
import org.etlsuite.transformer.EtlProperties;
import org.etlsuite.transformer.export.CsvExportSource;
import org.etlsuite.transformer.kpi.KpiCsvSource;
import org.etlsuite.transformer.kpi.KpiTopology;
import org.etlsuite.transformer.pipeline.PipelineConfiguration;
import org.etlsuite.transformer.pipeline.StreamSpec;
import org.etlsuite.transformer.streams.StreamsStores;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TransportStreamsConfiguration {

    private static final String KPI_STORE = KpiTopology.globalStore(TransportationStatsStream.TOPIC);

    /** The stream's part of the common pipeline; its dead-letter, processed and data-quality topics follow from it. */
    @Bean
    StreamSpec<TransportTrip, TransportTripProcessed> transportationStatsSpec() {
        return TransportationStatsStream.spec();
    }

    @Bean
    TransportationStatsTopology transportationStatsTopology(StreamsBuilder builder, PipelineConfiguration.StreamPipelines pipelines,
                                                            StreamSpec<TransportTrip, TransportTripProcessed> transportationStatsSpec) {
        TransportationStatsTopology topology = new TransportationStatsTopology(pipelines.create(transportationStatsSpec));
        topology.addTo(builder);
        return topology;
    }

    @Bean
    NewTopic transportKpiTalliesTopic(EtlProperties properties, KafkaProperties kafka) {
        // Compacted: the topic is a table's changelog, and the global store rebuilds from it.
        return PipelineConfiguration.topic(KpiTopology.outputTopic(TransportationStatsStream.TOPIC), properties, kafka).compact().build();
    }

    @Bean
    CsvExportSource transportSummaryCsv(StreamsStores stores) {
        return new KpiCsvSource(TransportKpiFiles.Summary.RELATIVE_PATH, stores, KPI_STORE, TransportKpis::summaryDocument);
    }

    @Bean
    CsvExportSource transportDailyCsv(StreamsStores stores) {
        return new KpiCsvSource(TransportKpiFiles.Daily.RELATIVE_PATH, stores, KPI_STORE, TransportKpis::dailyDocument);
    }

    @Bean
    CsvExportSource transportBoardingAreasCsv(StreamsStores stores) {
        return new KpiCsvSource(TransportKpiFiles.BoardingAreas.RELATIVE_PATH, stores, KPI_STORE, TransportKpis::boardingAreasDocument);
    }

    @Bean
    CsvExportSource transportRoutesCsv(StreamsStores stores) {
        return new KpiCsvSource(TransportKpiFiles.Routes.RELATIVE_PATH, stores, KPI_STORE, TransportKpis::routesDocument);
    }

    @Bean
    CsvExportSource transportFaresCsv(StreamsStores stores) {
        return new KpiCsvSource(TransportKpiFiles.Fares.RELATIVE_PATH, stores, KPI_STORE, TransportKpis::faresDocument);
    }
}
