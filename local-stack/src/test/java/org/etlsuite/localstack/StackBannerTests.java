package org.etlsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class StackBannerTests {

    private static final StackCredentials STORED = new StackCredentials("etl", "Zx3_generated-password",
            Path.of("/srv/etl/data/.stack/credentials"));

    @Test
    void shouldListEveryUrlAndAReadyToPasteBurstCommand() {
        String banner = StackBanner.render(LocalStackOptions.defaults(), STORED);

        assertThat(banner)
                .contains("Dashboard        http://127.0.0.1:5200/")
                .contains("Pipeline runs    http://127.0.0.1:5200/runs")
                .contains("Run API          http://127.0.0.1:8091/api/pipelines")
                .contains("Producer API     http://127.0.0.1:8090/api/streams/urban-sensors/bursts")
                .contains("Transformer      http://127.0.0.1:8091/actuator/health")
                .contains("Schema Registry  http://127.0.0.1:8081/subjects")
                .contains("Kafka bootstrap  127.0.0.1:9092")
                .contains("PostgreSQL       jdbc:postgresql://127.0.0.1:5432/etl  (user etl, password etl)")
                .contains("curl -u etl:Zx3_generated-password -H 'Content-Type: application/json' -d '{\"events\":10000}' "
                        + "http://127.0.0.1:8090/api/streams/urban-sensors/bursts")
                .contains("curl -u etl:Zx3_generated-password -H 'Content-Type: application/json' -d '{\"events\":5000}' "
                        + "http://127.0.0.1:8091/api/pipelines/urban-sensors/runs")
                .contains("Press Ctrl-C to stop everything.");
    }

    @Test
    void shouldShowTheApiCredentialsAndWhereTheyAreKept() {
        String banner = StackBanner.render(LocalStackOptions.defaults(), STORED);

        assertThat(banner)
                .contains("API user         etl")
                .contains("API password     Zx3_generated-password  (kept in /srv/etl/data/.stack/credentials; "
                        + "ETL_API_PASSWORD overrides it)");
    }

    @Test
    void shouldSayWhenThePasswordComesFromTheEnvironmentAndQuoteItForTheShell() {
        String banner = StackBanner.render(LocalStackOptions.defaults(), new StackCredentials("ops", "it's $ecret", null));

        assertThat(banner)
                .contains("API password     it's $ecret  (from ETL_API_PASSWORD)")
                .contains("curl -u 'ops:it'\\''s $ecret' -H");
    }

    @Test
    void shouldSayThatTheServicesAreSupervised() {
        assertThat(StackBanner.render(LocalStackOptions.defaults(), STORED))
                .contains("The services are supervised: one that exits is restarted after 1 s, 2 s, 4 s ... at most 30 s.");
    }

    @Test
    void shouldShowTheBindAddressInEveryUrl() {
        String banner = StackBanner.render(LocalStackOptions.parse(new String[] {"--bind=192.168.1.20"}, new Properties()),
                STORED);

        assertThat(banner)
                .contains("Dashboard        http://192.168.1.20:5200/")
                .contains("Kafka bootstrap  192.168.1.20:9092")
                .contains("PostgreSQL       jdbc:postgresql://127.0.0.1:5432/etl");
    }

    @Test
    void shouldShowKafkaConnectAndItsSinkFileOnlyWithConnect() {
        LocalStackOptions connect = LocalStackOptions.parse(new String[] {"--connect", "--data-dir=/srv/etl/data"},
                new Properties());

        assertThat(StackBanner.render(connect, STORED))
                .contains("Kafka Connect    http://127.0.0.1:8083/connectors")
                .contains("Connect sink     /srv/etl/data/connect/urban-sensors.processed.txt");
        assertThat(StackBanner.render(LocalStackOptions.defaults(), STORED)).doesNotContain("Kafka Connect");
    }

    @Test
    void shouldLeaveOutTheServicesWhenOnlyTheInfrastructureRuns() {
        String banner = StackBanner.render(LocalStackOptions.parse(new String[] {"--no-services", "--kafka-port=19092"},
                new Properties()), STORED);

        assertThat(banner)
                .contains("Kafka bootstrap  127.0.0.1:19092")
                .contains("Services not started (--no-services).")
                .doesNotContain("Dashboard")
                .doesNotContain("curl")
                .doesNotContain("supervised");
    }
}
