package org.etlsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class LocalStackOptionsTests {

    @Test
    void shouldUseTheFixedProjectPortsAndTheDataFolderByDefault() {
        LocalStackOptions options = LocalStackOptions.defaults();

        assertThat(options.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(options.kafkaPort()).isEqualTo(9092);
        assertThat(options.kafkaControllerPort()).isEqualTo(9093);
        assertThat(options.postgresPort()).isEqualTo(5432);
        assertThat(options.registryPort()).isEqualTo(8081);
        assertThat(options.producerPort()).isEqualTo(8090);
        assertThat(options.transformerPort()).isEqualTo(8091);
        assertThat(options.dashboardPort()).isEqualTo(5200);
        assertThat(options.bindAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(options.startServices()).isTrue();
        assertThat(options.startConnect()).isFalse();
        assertThat(options.connectPort()).isEqualTo(8083);
        assertThat(options.ports()).doesNotContainKey("Kafka Connect");
        assertThat(options.servicesDir()).isEqualTo(Path.of("").toAbsolutePath());
        assertThat(options.startupTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(options.serviceJvmOptions()).containsExactly("-Xmx512m");
        assertThat(options.help()).isFalse();
    }

    @Test
    void shouldReadFlagsInBothFormsAndSwitchesWithoutValue() {
        LocalStackOptions options = LocalStackOptions.parse(new String[] {
                "--data-dir=/tmp/stack", "--kafka-port", "19092", "--no-services",
                "--service-jvm-options=-Xmx256m  -XX:+UseSerialGC", "--startup-timeout=30"}, new Properties());

        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/stack"));
        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.startServices()).isFalse();
        assertThat(options.serviceJvmOptions()).containsExactly("-Xmx256m", "-XX:+UseSerialGC");
        assertThat(options.startupTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldTakeSystemPropertiesUnlessTheCommandLineSaysOtherwise() {
        Properties properties = new Properties();
        properties.setProperty("etl.stack.postgres-port", "15432");
        properties.setProperty("etl.stack.registry-port", "18081");
        properties.setProperty("etl.stack.no-services", "true");

        LocalStackOptions options = LocalStackOptions.parse(new String[] {"--registry-port=28081"}, properties);

        assertThat(options.postgresPort()).isEqualTo(15432);
        assertThat(options.registryPort()).isEqualTo(28081);
        assertThat(options.startServices()).isFalse();
    }

    @Test
    void shouldRejectAnUnknownOption() {
        assertThatThrownBy(() -> LocalStackOptions.parse(new String[] {"--kafka=1"}, new Properties()))
                .isInstanceOf(LocalStackException.class)
                .hasMessage("Unknown option --kafka. Run with --help for the options.");
    }

    @Test
    void shouldRejectAPortOutOfRangeOrNotANumber() {
        assertThatThrownBy(() -> LocalStackOptions.parse(new String[] {"--dashboard-port=70000"}, new Properties()))
                .hasMessage("--dashboard-port must be a port between 1 and 65535, not 70000.");
        assertThatThrownBy(() -> LocalStackOptions.parse(new String[] {"--dashboard-port=web"}, new Properties()))
                .hasMessage("--dashboard-port must be a number, not 'web'.");
    }

    @Test
    void shouldRejectTwoComponentsOnOnePort() {
        assertThatThrownBy(() -> LocalStackOptions.parse(new String[] {"--producer-port=9092"}, new Properties()))
                .isInstanceOf(LocalStackException.class)
                .hasMessage("Port 9092 is given to both Kafka and producer-service.");
    }

    @Test
    void shouldIgnoreServicePortsWhenServicesAreNotStarted() {
        LocalStackOptions options = LocalStackOptions.parse(new String[] {"--no-services", "--producer-port=9092"},
                new Properties());

        assertThat(options.ports()).containsOnlyKeys("Kafka", "the Kafka controller", "PostgreSQL", "the Schema Registry");
    }

    @Test
    void shouldListEveryOptionInTheUsageText() {
        String usage = LocalStackOptions.usage();

        for (String flag : List.of("--data-dir=<./data>", "--kafka-port=<9092>", "--kafka-controller-port=<9093>",
                "--postgres-port=<5432>", "--registry-port=<8081>", "--producer-port=<8090>",
                "--transformer-port=<8091>", "--dashboard-port=<5200>", "--bind=<127.0.0.1>", "--no-services",
                "--services-dir=<.>", "--connect", "--connect-port=<8083>",
                "--startup-timeout=<180>", "--service-jvm-options=<-Xmx512m>", "--help")) {
            assertThat(usage).contains(flag);
        }
    }

    @Test
    void shouldBindKafkaConnectsRestPortOnlyWhenConnectIsStarted() {
        LocalStackOptions options = LocalStackOptions.parse(new String[] {"--connect", "--connect-port=18083", "--bind=0.0.0.0"},
                new Properties());

        assertThat(options.startConnect()).isTrue();
        assertThat(options.ports()).hasEntrySatisfying("Kafka Connect", p -> {
            assertThat(p.port()).isEqualTo(18083);
            assertThat(p.address().isAnyLocalAddress()).isTrue();
            assertThat(p.flag()).isEqualTo("connect-port");
        });
        assertThatThrownBy(() -> LocalStackOptions.parse(new String[] {"--connect", "--connect-port=8081"}, new Properties()))
                .hasMessage("Port 8081 is given to both the Schema Registry and Kafka Connect.");
    }

    @Test
    void shouldBindEveryAddressWhenToldSoOnTheCommandLineOrAsSystemProperty() {
        Properties properties = new Properties();
        properties.setProperty("etl.stack.bind", "0.0.0.0");

        assertThat(LocalStackOptions.parse(new String[] {"--bind=0.0.0.0"}, new Properties()).bindAddress().isAnyLocalAddress())
                .isTrue();
        assertThat(LocalStackOptions.parse(new String[0], properties).bindAddress().isAnyLocalAddress()).isTrue();
    }

    @Test
    void shouldTakeLocalhostAsLoopbackAndIpv6Literals() throws Exception {
        assertThat(LocalStackOptions.parse(new String[] {"--bind=localhost"}, new Properties()).bindAddress())
                .isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(LocalStackOptions.parse(new String[] {"--bind=::1"}, new Properties()).bindAddress())
                .isEqualTo(InetAddress.getByName("::1"));
        assertThat(LocalStackOptions.parse(new String[] {"--bind=[::]"}, new Properties()).bindAddress().isAnyLocalAddress())
                .isTrue();
        assertThat(LocalStackOptions.parse(new String[] {"--bind=192.168.1.20"}, new Properties()).bindAddress())
                .isEqualTo(InetAddress.getByName("192.168.1.20"));
    }

    @Test
    void shouldRefuseABindAddressThatIsNotAnIpLiteral() {
        for (String value : List.of("example.org", "256.1.1.1", "10.0.0", "", "::g", "local host")) {
            assertThatThrownBy(() -> LocalStackOptions.parse(new String[] {"--bind=" + value}, new Properties()))
                    .isInstanceOf(LocalStackException.class)
                    .hasMessage("--bind must be an IP address (e.g. 127.0.0.1, 0.0.0.0 or ::1) or localhost, not '"
                            + value + "'.");
        }
    }

    @Test
    void shouldKeepTheKafkaControllerAndPostgresOnLoopbackWhateverTheBindAddress() {
        LocalStackOptions options = LocalStackOptions.parse(new String[] {"--bind=0.0.0.0"}, new Properties());

        assertThat(options.ports()).hasEntrySatisfying("Kafka", p -> assertThat(p.address().isAnyLocalAddress()).isTrue())
                .hasEntrySatisfying("the Schema Registry", p -> assertThat(p.address().isAnyLocalAddress()).isTrue())
                .hasEntrySatisfying("producer-service", p -> assertThat(p.address().isAnyLocalAddress()).isTrue())
                .hasEntrySatisfying("the Kafka controller", p -> assertThat(p.address()).isEqualTo(Addresses.LOOPBACK))
                .hasEntrySatisfying("PostgreSQL", p -> assertThat(p.address()).isEqualTo(Addresses.LOOPBACK));
    }
}
