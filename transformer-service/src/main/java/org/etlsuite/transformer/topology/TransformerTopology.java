package org.etlsuite.transformer.topology;

import java.util.List;

import org.etlsuite.transformer.stream.StreamDefinition;

/** The streams that were added to the Kafka Streams topology (a marker that the topology is built). */
public record TransformerTopology(List<StreamDefinition<?, ?>> streams) {
}
