package org.etlsuite.transformer.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.etlsuite.model.serde.AvroDeserializer;
import org.etlsuite.model.serde.AvroSerdeConfig;
import org.etlsuite.model.serde.SpecificAvroSerde;

/**
 * Builds each stream's shared steps with Avro serdes that use the same settings as the Streams clients, and closes those
 * serdes (their registry clients) when the context closes, after Kafka Streams has stopped.
 */
public final class StreamStepsFactory implements AutoCloseable {

    private final Map<String, Object> configs;
    private final Duration dedupWindow;
    private final Duration emitInterval;
    private final List<AutoCloseable> serdes = new ArrayList<>();

    /** @param configs the Streams clients' configuration (registry URL, commit interval, ...) */
    public StreamStepsFactory(Map<String, Object> configs, Duration dedupWindow) {
        this.configs = Map.copyOf(configs);
        this.dedupWindow = dedupWindow;
        this.emitInterval = emitInterval(configs);
    }

    /**
     * The tables publish what changed once per commit interval: more often would only add output records
     * that the next commit makes visible together anyway. Read through StreamsConfig, which applies Kafka
     * Streams' own default for the processing guarantee when the interval is not set.
     */
    private static Duration emitInterval(Map<String, Object> configs) {
        return Duration.ofMillis(new StreamsConfig(configs).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
    }

    public <V extends SpecificRecord, P extends SpecificRecord> StreamSteps<V, P> create(StreamSpec<V, P> spec) {
        Map<String, Object> specific = new HashMap<>(configs);
        specific.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        Deserializer<Object> events = new AvroDeserializer<>();
        events.configure(specific, false);
        SpecificAvroSerde<P> processed = new SpecificAvroSerde<>();
        processed.configure(configs, false);
        synchronized (serdes) {
            serdes.add(events);
            serdes.add(processed);
        }
        return new StreamSteps<>(spec, events, processed, dedupWindow, emitInterval);
    }

    @Override
    public void close() {
        synchronized (serdes) {
            for (AutoCloseable serde : serdes) {
                try {
                    serde.close();
                } catch (Exception e) {
                    // closing at shutdown: nothing left to do about a client that fails to close
                }
            }
            serdes.clear();
        }
    }
}
