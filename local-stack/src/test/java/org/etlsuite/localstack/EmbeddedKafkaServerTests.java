package org.etlsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaServerTests {

    @Test
    void shouldConfigureOneCombinedKraftNodeThatCanRunTransactions() {
        Properties props = EmbeddedKafkaServer.brokerProperties(Path.of("/data/.stack/kafka"), Addresses.LOOPBACK, 9092, 9093);

        assertThat(props)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9092")
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
                Addresses.LOOPBACK, 19092, 19093), false);

        assertThat(config.nodeId()).isEqualTo(1);
        assertThat(config.metadataLogDir()).isEqualTo("/data/.stack/kafka");
        assertThat(config.controllerListenerNames()).containsExactly("CONTROLLER");
    }

    @Test
    void shouldListenOnEveryAddressButAdvertiseLoopbackForTheWildcard() throws Exception {
        Properties props = EmbeddedKafkaServer.brokerProperties(Path.of("/data/.stack/kafka"),
                InetAddress.getByName("0.0.0.0"), 9092, 9093);

        assertThat(props)
                .containsEntry("listeners", "PLAINTEXT://0.0.0.0:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9092");
        assertThat(KafkaConfig.fromProps(props, false).nodeId()).isEqualTo(1);
    }

    @Test
    void shouldAdvertiseAGivenAddressSoThatOtherMachinesCanFollowIt() throws Exception {
        Properties props = EmbeddedKafkaServer.brokerProperties(Path.of("/data/.stack/kafka"),
                InetAddress.getByName("192.168.1.20"), 9092, 9093);

        assertThat(props)
                .containsEntry("listeners", "PLAINTEXT://192.168.1.20:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("advertised.listeners", "PLAINTEXT://192.168.1.20:9092");
    }
}
