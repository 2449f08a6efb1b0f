package org.etlsuite.transformer;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The broker the tests that launch transformer processes of their own share their set-up for. */
public final class TestBrokers {

    private TestBrokers() {
    }

    /**
     * A started single-node KRaft broker whose topics have three partitions. Exactly-once needs the
     * transaction log, and one broker can hold only one replica of it (and of the offsets topic);
     * no rebalance delay, so that test instances get their partitions at once.
     */
    public static EmbeddedKafkaKraftBroker startedForExactlyOnce(String... topics) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3, topics);
        broker.brokerProperties(Map.of(
                "group.initial.rebalance.delay.ms", "0",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1"));
        broker.afterPropertiesSet();
        return broker;
    }
}
