package org.etlsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.Test;

class StackBannerTests {

    @Test
    void shouldListEveryUrlAndAReadyToPasteBurstCommand() {
        String banner = StackBanner.render(LocalStackOptions.defaults());

        assertThat(banner)
                .contains("Dashboard        http://localhost:5200/")
                .contains("Pipeline runs    http://localhost:5200/runs")
                .contains("Run API          http://localhost:8091/api/pipelines")
                .contains("Producer API     http://localhost:8090/api/streams/urban-sensors/bursts")
                .contains("Transformer      http://localhost:8091/actuator/health")
                .contains("Schema Registry  http://localhost:8081/subjects")
                .contains("Kafka bootstrap  localhost:9092")
                .contains("PostgreSQL       jdbc:postgresql://localhost:5432/etl  (user etl, password etl)")
                .contains("curl -X POST localhost:8090/api/streams/urban-sensors/bursts "
                        + "-H 'Content-Type: application/json' -d '{\"events\":10000}'")
                .contains("curl -X POST localhost:8091/api/pipelines/urban-sensors/runs "
                        + "-H 'Content-Type: application/json' -d '{\"events\":5000}'")
                .contains("Press Ctrl-C to stop everything.");
    }

    @Test
    void shouldLeaveOutTheServicesWhenOnlyTheInfrastructureRuns() {
        String banner = StackBanner.render(LocalStackOptions.parse(new String[] {"--no-services", "--kafka-port=19092"},
                new Properties()));

        assertThat(banner)
                .contains("Kafka bootstrap  localhost:19092")
                .contains("Services not started (--no-services).")
                .doesNotContain("Dashboard")
                .doesNotContain("curl");
    }
}
