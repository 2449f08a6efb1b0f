package org.etlsuite.producer.health;

import java.time.Duration;

/** Asks the Kafka cluster who it is; the seam that lets tests replace the broker. */
@FunctionalInterface
interface ClusterProbe {

    /**
     * @param timeout how long the answer may take
     * @throws Exception when the cluster cannot be reached in time
     */
    ClusterInfo describe(Duration timeout) throws Exception;

    /**
     * @param clusterId the cluster's id
     * @param nodes     brokers the cluster reports
     */
    record ClusterInfo(String clusterId, int nodes) {
    }
}
