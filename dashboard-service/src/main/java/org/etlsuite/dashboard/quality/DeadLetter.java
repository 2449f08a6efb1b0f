package org.etlsuite.dashboard.quality;

import java.time.Instant;
import java.util.Map;

/**
 * A record of a dead-letter topic, as read.
 *
 * @param headers    the text of the {@code etl.dlt.*} headers it carries, by name
 * @param valueStart the first bytes of the value (empty for a tombstone)
 * @param valueSize  the size of the whole value in bytes; -1 for a tombstone
 */
record DeadLetter(String topic, int partition, long offset, Instant timestamp, Map<String, String> headers,
                  byte[] valueStart, int valueSize) {

    DeadLetter {
        headers = Map.copyOf(headers);
    }
}
