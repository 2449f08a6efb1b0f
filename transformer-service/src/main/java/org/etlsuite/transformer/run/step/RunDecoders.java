package org.etlsuite.transformer.run.step;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.etlsuite.model.serde.AvroDeserializer;
import org.etlsuite.model.serde.AvroSerdeConfig;
import org.etlsuite.transformer.stream.RecordDecoder;
import org.etlsuite.transformer.run.Pipeline;

/** Avro decoding of the run's records: raw events (which may be anything) and processed events (written by this service). */
class RunDecoders implements AutoCloseable {

    private final Map<Pipeline, RecordDecoder<? extends SpecificRecord>> events = new HashMap<>();
    private final AvroDeserializer<Object> processed = new AvroDeserializer<>();

    RunDecoders(Map<String, Object> serdeConfig) {
        Map<String, Object> config = new HashMap<>(serdeConfig);
        config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        processed.configure(config, false);
        for (Pipeline pipeline : Pipeline.all()) {
            events.put(pipeline, new RecordDecoder<>(processed, pipeline.eventType()));
        }
    }

    RecordDecoder.Outcome<? extends SpecificRecord> event(Pipeline pipeline, byte[] value) {
        return events.get(pipeline).decode(pipeline.topic(), value);
    }

    SpecificRecord processed(Pipeline pipeline, byte[] value) {
        Object decoded = processed.deserialize(pipeline.processedTopic(), value);
        if (!pipeline.processedType().isInstance(decoded)) {
            throw new IllegalStateException("A record of " + pipeline.processedTopic() + " is not a " + pipeline.processedType().getSimpleName());
        }
        return (SpecificRecord) decoded;
    }

    @Override
    public void close() {
        processed.close();
    }
}
