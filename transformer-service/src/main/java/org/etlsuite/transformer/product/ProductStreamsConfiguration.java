package org.etlsuite.transformer.product;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsBuilder;
import org.etlsuite.events.product.ProductEvent;
import org.etlsuite.events.product.ProductEventProcessed;
import org.etlsuite.model.kpi.ProductKpiFiles;
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
class ProductStreamsConfiguration {

    private static final String KPI_STORE = KpiTopology.globalStore(ProductEventsStream.TOPIC);

    /** The stream's part of the common pipeline; its dead-letter, processed and data-quality topics follow from it. */
    @Bean
    StreamSpec<ProductEvent, ProductEventProcessed> productEventsSpec() {
        return ProductEventsStream.spec();
    }

    @Bean
    ProductEventsTopology productEventsTopology(StreamsBuilder builder, PipelineConfiguration.StreamPipelines pipelines,
                                                StreamSpec<ProductEvent, ProductEventProcessed> productEventsSpec) {
        ProductEventsTopology topology = new ProductEventsTopology(pipelines.create(productEventsSpec));
        topology.addTo(builder);
        return topology;
    }

    @Bean
    NewTopic productKpiTalliesTopic(EtlProperties properties, KafkaProperties kafka) {
        // Compacted: the topic is a table's changelog, and the global store rebuilds from it.
        return PipelineConfiguration.topic(KpiTopology.outputTopic(ProductEventsStream.TOPIC), properties, kafka).compact().build();
    }

    @Bean
    CsvExportSource productCategoryCsv(StreamsStores stores) {
        return new KpiCsvSource(ProductKpiFiles.Category.RELATIVE_PATH, stores, KPI_STORE, ProductKpis::categoryDocument);
    }

    @Bean
    CsvExportSource productFunnelCsv(StreamsStores stores) {
        return new KpiCsvSource(ProductKpiFiles.Funnel.RELATIVE_PATH, stores, KPI_STORE, ProductKpis::funnelDocument);
    }

    @Bean
    CsvExportSource productPlatformCsv(StreamsStores stores) {
        return new KpiCsvSource(ProductKpiFiles.Platform.RELATIVE_PATH, stores, KPI_STORE, ProductKpis::platformDocument);
    }

    @Bean
    CsvExportSource productRevenueHourlyCsv(StreamsStores stores) {
        return new KpiCsvSource(ProductKpiFiles.RevenueHourly.RELATIVE_PATH, stores, KPI_STORE, ProductKpis::revenueHourlyDocument);
    }
}
