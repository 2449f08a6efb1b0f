package org.etlsuite.producer.stream;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The kinds of dirty data a stream can produce on request: events that the schema accepts (they serialize and
 * decode like any other) but that break one of the data-quality rules the transformer enforces, such as an empty
 * id or a value outside its documented range. Each kind is named after the rule it breaks.
 *
 * @param <V> the Avro record type of the stream
 */
public interface Defects<V> {

    /** Names of the defect kinds, in a fixed order; each names the data-quality rule its events break. */
    List<String> kinds();

    /**
     * A defective copy of a clean event: one kind drawn uniformly from {@link #kinds()} with {@code random}, then
     * applied. The clean event is not changed. Deterministic for a given event and random state.
     */
    Defective<V> apply(V clean, RandomGenerator random);

    /**
     * An event made dirty on purpose.
     *
     * @param event  the defective copy
     * @param defect the kind of defect, one of {@link #kinds()}
     */
    record Defective<V>(V event, String defect) {
    }
}
