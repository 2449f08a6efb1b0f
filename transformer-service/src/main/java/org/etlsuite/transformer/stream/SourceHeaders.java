package org.etlsuite.transformer.stream;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Where an accepted event was read: every record of {@code <topic>.processed} carries the partition
 * and offset of its input record (dead letters carry the same in {@link DeadLetterHeaders}). A
 * pipeline run uses them to pick exactly its own events out of the output topics, whatever else
 * was processed in between. Values are UTF-8 decimal text.
 */
public final class SourceHeaders {

    public static final String PARTITION = "etl.source.partition";
    public static final String OFFSET = "etl.source.offset";

    private SourceHeaders() {
    }

    /** The original headers with the source coordinates set (replaced if the record already had them). */
    static Headers stamp(Headers original, RecordMetadata source) {
        RecordHeaders headers = new RecordHeaders(original.toArray());
        headers.remove(PARTITION);
        headers.remove(OFFSET);
        headers.add(PARTITION, Integer.toString(source.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add(OFFSET, Long.toString(source.offset()).getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
