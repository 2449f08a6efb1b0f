package org.etlsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaServerTests {

    @Test
    void shouldConfigureOneCombinedKraftNodeThatCanRunTransactions() {
        Properties props = EmbeddedKafkaServer.brokerProperties(Path.of("/data/.stack/kafka"), 9092, 9093);

        assertThat(props)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", "1@localhost:9093")
                .containsEntry("listeners", "PLAINTEXT://localhost:9092,CONTROLLER://localhost:9093")
                .containsEntry("advertised.listeners", "PLAINTEXT://localhost:9092")
                .containsEntry("log.dirs", "/data/.stack/kafka")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("auto.create.topics.enable", "false");
    }

    @Test
    void shouldBeAValidKafkaServerConfiguration() {
        KafkaConfig config = KafkaConfig.fromProps(EmbeddedKafkaServer.brokerProperties(Path.of("/data/.stack/kafka"),
                19092, 19093), false);

        assertThat(config.nodeId()).isEqualTo(1);
        assertThat(config.metadataLogDir()).isEqualTo("/data/.stack/kafka");
        assertThat(config.controllerListenerNames()).containsExactly("CONTROLLER");
    }
}
