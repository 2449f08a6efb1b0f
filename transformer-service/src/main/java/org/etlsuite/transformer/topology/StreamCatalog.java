package org.etlsuite.transformer.topology;

import java.util.List;

import org.etlsuite.transformer.stream.StreamDefinition;
import org.etlsuite.transformer.stream.StreamSpec;
import org.etlsuite.transformer.product.ProductEventsStream;
import org.etlsuite.transformer.transport.TransportationStatsStream;
import org.etlsuite.transformer.urban.UrbanSensorsStream;

/** The streams the transformer processes: the one list every topic, store, topology and export is derived from. */
public final class StreamCatalog {

    public static final List<StreamDefinition<?, ?>> ALL = List.of(
            UrbanSensorsStream.definition(),
            ProductEventsStream.definition(),
            TransportationStatsStream.definition());

    private StreamCatalog() {
    }

    public static List<StreamSpec<?, ?>> specs() {
        return ALL.stream().<StreamSpec<?, ?>>map(StreamDefinition::spec).toList();
    }
}
