package org.etlsuite.producer.burst;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The Kafka record headers a burst puts on each of its records. Continuous streams put none.
 * <p>
 * Other services use these names as well, so renaming one breaks them. The transformer-service keeps its own copy
 * of {@link #BURST_ID} and uses it to pick one burst's records out of a topic, where records of other bursts and of
 * continuous streams can sit in the same offset range.
 */
public final class BurstHeaders {

    /** The id of the burst that sent the record, as UTF-8 text: exactly the {@code id} the burst endpoints report. */
    public static final String BURST_ID = "etl.burst-id";

    private BurstHeaders() {
    }

    /**
     * The headers for every record of one burst. One list can serve the whole burst: the producer copies it into a
     * {@code RecordHeaders} of each record's own (which it makes read-only on send), and nothing writes to the
     * header's value.
     */
    static List<Header> of(String burstId) {
        return List.of(new RecordHeader(BURST_ID, burstId.getBytes(StandardCharsets.UTF_8)));
    }
}
