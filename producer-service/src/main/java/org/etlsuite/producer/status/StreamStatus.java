package org.etlsuite.producer.status;

import java.util.List;

import org.etlsuite.producer.burst.BurstCounts;
import org.etlsuite.producer.continuous.ContinuousView;

/**
 * Everything about one stream at a glance.
 *
 * @param name       stream name, as in the REST paths
 * @param topic      Kafka topic of its records
 * @param keyField   value field that is the record key
 * @param defects    the kinds of dirty events it can produce ({@code dirtyFraction})
 * @param continuous its continuous generator (running or last)
 * @param bursts     how many of its recent bursts are in each state
 */
record StreamStatus(String name, String topic, String keyField, List<String> defects, ContinuousView continuous,
                    BurstCounts bursts) {
}
