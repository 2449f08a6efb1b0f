package org.etlsuite.transformer.stream;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.etlsuite.transformer.table.Aggregation;
import org.etlsuite.transformer.table.KpiTable;

/**
 * Everything the transformer does with one stream: the steps every stream shares ({@link StreamSpec}, {@link StreamSteps}),
 * the stream's own tables, each with the files exported from it, and the stream's pipeline. Topics, stores,
 * exports, pipelines and their files all follow from it.
 *
 * @param spec         decode, rules, identity, features
 * @param pipeline     the names of the stream's pipeline and of the files its runs write
 * @param aggregations the stream's tables and the cells each accepted event counts in
 */
public record StreamDefinition<V extends SpecificRecord, P extends SpecificRecord>(StreamSpec<V, P> spec,
                                                                                  PipelineLayout pipeline,
                                                                                  List<Aggregation<P, ?, ?>> aggregations) {

    public StreamDefinition {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(pipeline, "pipeline");
        aggregations = List.copyOf(aggregations);
        Set<String> names = new HashSet<>();
        names.add(spec.dataQuality().name());
        for (Aggregation<P, ?, ?> aggregation : aggregations) {
            // each table gets its global store, topic and files once: one aggregation of the accepted events per table
            if (!names.add(aggregation.table().name())) {
                throw new IllegalArgumentException("table " + aggregation.table().name() + " of " + spec.topic() + " is declared twice");
            }
            if (!aggregation.table().stream().equals(spec.topic())) {
                throw new IllegalArgumentException("table " + aggregation.table().name() + " belongs to " + aggregation.table().stream()
                        + ", not to " + spec.topic());
            }
        }
    }

    /** The stream's topology: the shared steps, then each of its tables on the accepted events. */
    public void addTo(StreamsBuilder builder, StreamSteps<V, P> steps) {
        if (steps.spec() != spec) {
            throw new IllegalArgumentException("the steps were built for " + steps.spec().topic() + ", not for this definition's spec");
        }
        KStream<String, P> accepted = steps.addTo(builder);
        for (Aggregation<P, ?, ?> aggregation : aggregations) {
            aggregation.addTo(builder, accepted, steps.emitInterval());
        }
    }

    /** Every table of the stream: the data-quality counts, then its own. */
    public List<KpiTable<?, ?>> tables() {
        List<KpiTable<?, ?>> tables = new ArrayList<>();
        tables.add(spec.dataQuality());
        aggregations.forEach(aggregation -> tables.add(aggregation.table()));
        return tables;
    }
}
