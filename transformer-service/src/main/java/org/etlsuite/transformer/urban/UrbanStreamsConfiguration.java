package org.etlsuite.transformer.urban;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsBuilder;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.events.urban.UrbanSensorReadingProcessed;
import org.etlsuite.transformer.EtlProperties;
import org.etlsuite.transformer.pipeline.PipelineConfiguration;
import org.etlsuite.transformer.pipeline.StreamSpec;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class UrbanStreamsConfiguration {

    /** The stream's part of the common pipeline; its dead-letter, processed and data-quality topics follow from it. */
    @Bean
    StreamSpec<UrbanSensorReading, UrbanSensorReadingProcessed> urbanSensorsSpec() {
        return UrbanSensorsStream.spec();
    }

    @Bean
    UrbanSensorsTopology urbanSensorsTopology(StreamsBuilder builder, PipelineConfiguration.StreamPipelines pipelines,
                                              StreamSpec<UrbanSensorReading, UrbanSensorReadingProcessed> urbanSensorsSpec) {
        UrbanSensorsTopology topology = new UrbanSensorsTopology(pipelines.create(urbanSensorsSpec));
        topology.addTo(builder);
        return topology;
    }

    @Bean
    NewTopic urbanHourlyAggregatesTopic(EtlProperties properties, KafkaProperties kafka) {
        // Compacted: the topic is a table's changelog, and the global store rebuilds from it.
        return PipelineConfiguration.topic(UrbanTopics.HOURLY_AGGREGATES, properties, kafka).compact().build();
    }
}
