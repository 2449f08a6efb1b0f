package org.etlsuite.producer.send;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.etlsuite.producer.stream.EventStream;
import org.etlsuite.producer.stream.StreamCatalog;
import org.springframework.stereotype.Component;

/**
 * The producer's Micrometer counters, per stream ({@code stream} tag) and sender ({@code kind} = burst |
 * continuous): {@value #SENT}, {@value #ACKED}, {@value #FAILED}, and {@value #DIRTY} with a {@code defect} tag.
 * Every counter of every stream is registered at startup, so a scrape shows zeros instead of missing series, and
 * the send path only increments counters it already holds (no registry lookup per event).
 */
@Component
public class ProducerMetrics {

    public static final String SENT = "etl.producer.events.sent";
    public static final String ACKED = "etl.producer.events.acked";
    public static final String FAILED = "etl.producer.events.failed";
    public static final String DIRTY = "etl.producer.events.dirty";

    /** Stream name, then kind. */
    private final Map<String, Map<SendKind, StreamMeters>> meters = new HashMap<>();

    public ProducerMetrics(MeterRegistry registry, StreamCatalog streams) {
        for (String name : streams.names()) {
            EventStream<?> stream = streams.find(name).orElseThrow();
            Map<SendKind, StreamMeters> byKind = new HashMap<>();
            for (SendKind kind : SendKind.values()) {
                byKind.put(kind, register(registry, stream, kind));
            }
            meters.put(name, byKind);
        }
    }

    /** The counters of one stream and kind. */
    public StreamMeters meters(String stream, SendKind kind) {
        Map<SendKind, StreamMeters> byKind = meters.get(stream);
        if (byKind == null) {
            throw new IllegalArgumentException("No meters for unknown stream '" + stream + "'");
        }
        return byKind.get(kind);
    }

    private static StreamMeters register(MeterRegistry registry, EventStream<?> stream, SendKind kind) {
        Map<String, Counter> dirty = new HashMap<>();
        for (String defect : stream.defects().kinds()) {
            dirty.put(defect, Counter.builder(DIRTY)
                    .description("Events deliberately made dirty (schema-valid, breaking the named data-quality rule), handed to the producer")
                    .tag("stream", stream.name()).tag("kind", kind.tag()).tag("defect", defect)
                    .register(registry));
        }
        return new StreamMeters(
                counter(registry, SENT, "Events handed to the Kafka producer", stream, kind),
                counter(registry, ACKED, "Events acknowledged by the broker (acks=all)", stream, kind),
                counter(registry, FAILED, "Events that could not be delivered", stream, kind),
                dirty);
    }

    private static Counter counter(MeterRegistry registry, String name, String description, EventStream<?> stream, SendKind kind) {
        return Counter.builder(name).description(description)
                .tag("stream", stream.name()).tag("kind", kind.tag())
                .register(registry);
    }

    /** The counters of one stream and kind; thread-safe. */
    public static final class StreamMeters {

        private final Counter sent;
        private final Counter acked;
        private final Counter failed;
        private final Map<String, Counter> dirty;

        StreamMeters(Counter sent, Counter acked, Counter failed, Map<String, Counter> dirty) {
            this.sent = sent;
            this.acked = acked;
            this.failed = failed;
            this.dirty = Map.copyOf(dirty);
        }

        void sent(String defect) {
            sent.increment();
            if (defect != null) {
                dirty.get(defect).increment();
            }
        }

        void acked() {
            acked.increment();
        }

        void failed() {
            failed.increment();
        }
    }
}
