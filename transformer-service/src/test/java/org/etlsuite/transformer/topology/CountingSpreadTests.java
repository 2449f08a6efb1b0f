package org.etlsuite.transformer.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyDescription;
import org.etlsuite.model.serde.AvroDeserializer;
import org.etlsuite.model.serde.SpecificAvroSerde;
import org.etlsuite.model.registry.MockSchemaRegistry;
import org.etlsuite.transformer.stream.StreamDefinition;
import org.etlsuite.transformer.stream.StreamSteps;
import org.etlsuite.transformer.table.KpiTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No stream's counting path funnels its records through one key or partition: in the topology of every
 * stream of the catalogue, each table is aggregated by processors that sit in the sub-topology reading
 * the stream's own input (or the by-event-id repartition that de-duplication needs, which is keyed by
 * event id), so each task counts its own partition; nothing is re-keyed for counting. The data with
 * skewed keys is in {@code SkewedScaleOutIntegrationTests}.
 */
class CountingSpreadTests {

    private static <V extends SpecificRecord, P extends SpecificRecord> TopologyDescription describe(StreamDefinition<V, P> definition) {
        Map<String, Object> serdeConfig = Map.of("schema.registry.url", "mock://counting-spread");
        SpecificAvroSerde<P> processed = new SpecificAvroSerde<>();
        processed.configure(serdeConfig, false);
        StreamsBuilder builder = new StreamsBuilder();
        definition.addTo(builder, new StreamSteps<>(definition.spec(), new AvroDeserializer<>(MockSchemaRegistry.forScope("counting-spread"), true),
                processed, Duration.ofHours(1)));
        return builder.build().describe();
    }

    @Test
    void shouldCountEveryTableInTheSubTopologiesThatReadTheStreamWithoutRepartitioningForIt() {
        for (StreamDefinition<?, ?> definition : StreamCatalog.ALL) {
            String stream = definition.spec().topic();
            TopologyDescription topology = describe(definition);
            Set<String> dedupRepartition = Set.of(stream + "-by-event-id-repartition");

            List<String> repartitions = new ArrayList<>();
            for (TopologyDescription.Subtopology subtopology : topology.subtopologies()) {
                for (TopologyDescription.Node node : subtopology.nodes()) {
                    if (node instanceof TopologyDescription.Sink sink && sink.topic().endsWith("-repartition")) {
                        repartitions.add(sink.topic());
                    }
                }
            }
            assertThat(repartitions).as("repartition topics of %s", stream).allMatch(dedupRepartition::contains);

            for (KpiTable<?, ?> table : definition.tables()) {
                List<TopologyDescription.Subtopology> counting = topology.subtopologies().stream()
                        .filter(subtopology -> subtopology.nodes().stream().anyMatch(node -> node.name().startsWith(table.partialStore(""))
                                && node.name().endsWith("-aggregate")))
                        .toList();
                assertThat(counting).as("sub-topologies counting %s", table.globalStore()).isNotEmpty();
                for (TopologyDescription.Subtopology subtopology : counting) {
                    Set<String> sources = subtopology.nodes().stream()
                            .filter(TopologyDescription.Source.class::isInstance)
                            .flatMap(node -> ((TopologyDescription.Source) node).topicSet().stream())
                            .collect(Collectors.toSet());
                    assertThat(sources).as("what the tasks counting %s read", table.globalStore())
                            .isNotEmpty()
                            .allMatch(topic -> topic.equals(stream) || dedupRepartition.contains(topic));
                }
            }
        }
    }
}
