package org.etlsuite.transformer.urban;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.etlsuite.events.urban.UrbanLocation;

/**
 * Serde of {@link UrbanBucket} as UTF-8 text {@code LOCATION|yyyy-MM-dd|HH}, e.g.
 * {@code EMILIANO_ZAPATA|2026-03-01|07}. Text keeps the compacted output topic readable with any
 * console consumer; the format is fixed-width per field, so equal buckets always give equal bytes
 * (partitioning and compaction depend on that).
 */
public final class UrbanBucketSerde implements Serde<UrbanBucket> {

    private static final char SEPARATOR = '|';

    @Override
    public Serializer<UrbanBucket> serializer() {
        return (topic, bucket) -> bucket == null ? null : format(bucket).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Deserializer<UrbanBucket> deserializer() {
        return (topic, data) -> data == null ? null : parse(new String(data, StandardCharsets.UTF_8));
    }

    static String format(UrbanBucket bucket) {
        return bucket.location().name() + SEPARATOR + bucket.day() + SEPARATOR
                + (bucket.hour() < 10 ? "0" : "") + bucket.hour();
    }

    static UrbanBucket parse(String text) {
        String[] parts = text.split("\\|", -1);
        if (parts.length != 3) {
            throw new SerializationException("Malformed urban bucket key '" + text + "': expected LOCATION|yyyy-MM-dd|HH");
        }
        try {
            return new UrbanBucket(UrbanLocation.valueOf(parts[0]), LocalDate.parse(parts[1]), Integer.parseInt(parts[2]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new SerializationException("Malformed urban bucket key '" + text + "': " + e.getMessage(), e);
        }
    }
}
