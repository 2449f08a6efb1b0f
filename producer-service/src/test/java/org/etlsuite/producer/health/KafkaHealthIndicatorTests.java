package org.etlsuite.producer.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class KafkaHealthIndicatorTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration CACHE_FOR = Duration.ofSeconds(5);

    /** A monotonic clock the test moves. */
    private long now = 1_000_000_000L;

    @Test
    void shouldReportUpWithTheClusterIdAndTheNumberOfNodes() {
        KafkaHealthIndicator indicator = new KafkaHealthIndicator(timeout -> new ClusterProbe.ClusterInfo("cluster-7", 3),
                TIMEOUT, CACHE_FOR, () -> now);

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsExactlyInAnyOrderEntriesOf(Map.of("clusterId", "cluster-7", "nodes", 3));
    }

    @Test
    void shouldReportDownWithTheErrorWhenTheClusterDoesNotAnswer() {
        KafkaHealthIndicator indicator = new KafkaHealthIndicator(timeout -> {
            throw new ExecutionException(new TimeoutException("Timed out waiting for a node assignment. Call: describeCluster"));
        }, TIMEOUT, CACHE_FOR, () -> now);

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsExactlyEntriesOf(
                Map.of("error", "TimeoutException: Timed out waiting for a node assignment. Call: describeCluster"));
    }

    @Test
    void shouldPassTheConfiguredTimeoutToTheProbe() {
        KafkaHealthIndicator indicator = new KafkaHealthIndicator(timeout -> new ClusterProbe.ClusterInfo(timeout.toString(), 1),
                Duration.ofMillis(1500), CACHE_FOR, () -> now);

        assertThat(indicator.health().getDetails()).containsEntry("clusterId", "PT1.5S");
    }

    @Test
    void shouldReuseAResultForTheCachePeriodAndCheckAgainAfterIt() {
        AtomicInteger checks = new AtomicInteger();
        KafkaHealthIndicator indicator = new KafkaHealthIndicator(timeout -> {
            if (checks.incrementAndGet() == 1) {
                return new ClusterProbe.ClusterInfo("cluster-1", 1);
            }
            throw new IllegalStateException("broker gone");
        }, TIMEOUT, CACHE_FOR, () -> now);

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        now += CACHE_FOR.toNanos() - 1;
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        assertThat(checks).hasValue(1);

        now += 1;
        Health later = indicator.health();
        assertThat(later.getStatus()).isEqualTo(Status.DOWN);
        assertThat(later.getDetails()).containsEntry("error", "IllegalStateException: broker gone");
        assertThat(checks).hasValue(2);
    }

    @Test
    void shouldReportDownWithinItsTimeoutWhenNoBrokerListensOnTheBootstrapPort() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Duration timeout = Duration.ofMillis(800);
        try (AdminClusterProbe probe = new AdminClusterProbe(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + closedPort), timeout)) {
            KafkaHealthIndicator indicator = new KafkaHealthIndicator(probe, timeout, CACHE_FOR, System::nanoTime);

            long started = System.nanoTime();
            Health health = indicator.health();
            long tookNanos = System.nanoTime() - started;

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat((String) health.getDetails().get("error")).startsWith("TimeoutException: ");
            // The timeout bounds the check (with slack for a loaded machine), instead of Kafka's 60 s API default.
            assertThat(tookNanos).isLessThan(Duration.ofSeconds(5).toNanos());
        }
    }
}
