package org.etlsuite.transformer.stream;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First step of every stream: decodes the raw value bytes and checks the stream's data-quality rules.
 * Forwards a {@link Checked.Valid} event keyed by the stream's key, or a {@link Checked.DeadLetter}
 * carrying the original bytes with the original headers plus {@link DeadLetterHeaders}. Throws (through
 * {@link RecordDecoder}) when the record is fine but cannot be read now, so that it is not committed past.
 */
final class CheckProcessor<V extends SpecificRecord> extends ContextualProcessor<byte[], byte[], String, Checked<V>> {

    private static final Logger log = LoggerFactory.getLogger(CheckProcessor.class);

    private final String stream;
    private final RecordDecoder<V> decoder;
    private final List<QualityRule<V>> rules;
    private final Function<? super V, String> key;

    CheckProcessor(StreamSpec<V, ?> spec, RecordDecoder<V> decoder) {
        this.stream = spec.topic();
        this.decoder = decoder;
        this.rules = spec.checkedRules();
        this.key = spec.key();
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata source = context().recordMetadata()
                .orElseThrow(() -> new IllegalStateException("a source record always has metadata"));
        switch (decoder.decode(source.topic(), record.value())) {
            case RecordDecoder.Undecodable<V> undecodable -> {
                log.debug("Dead-lettering undecodable record {}-{}@{} ({}): {}", source.topic(), source.partition(), source.offset(),
                        undecodable.error().label(), undecodable.exception().getMessage());
                deadLetter(record, DeadLetterHeaders.deserialization(record.headers(), undecodable.error(), undecodable.exception(), source),
                        QualityKey.undecodable(stream, undecodable.error()));
            }
            case RecordDecoder.Decoded<V> decoded -> {
                V event = decoded.value();
                Optional<QualityRule<V>> broken = QualityRule.firstBroken(rules, event);
                if (broken.isPresent()) {
                    String rule = broken.get().name();
                    log.debug("Dead-lettering record {}-{}@{}: breaks rule {}", source.topic(), source.partition(), source.offset(), rule);
                    deadLetter(record, DeadLetterHeaders.quality(record.headers(), rule, source), QualityKey.rejected(stream, rule));
                } else {
                    // One new record, not a chain of withKey/withValue/withHeaders: each of those copies the headers.
                    context().forward(new Record<>(key.apply(event), (Checked<V>) new Checked.Valid<>(event), record.timestamp(),
                            SourceHeaders.stamp(record.headers(), source)));
                }
            }
        }
    }

    private void deadLetter(Record<byte[], byte[]> record, Headers headers, QualityKey counter) {
        context().forward(new Record<>((String) null, (Checked<V>) new Checked.DeadLetter<V>(record.key(), record.value(), counter),
                record.timestamp(), headers));
    }
}
