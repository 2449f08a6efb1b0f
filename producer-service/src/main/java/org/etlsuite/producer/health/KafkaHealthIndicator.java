package org.etlsuite.producer.health;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.function.LongSupplier;

import org.etlsuite.producer.ProducerProperties;
import org.etlsuite.producer.send.DeliveryCounts;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * The {@code kafka} health component: UP with the {@code clusterId} and the number of {@code nodes} when the cluster
 * answers {@code describeCluster} within the configured timeout ({@code etl.producer.kafka-health.timeout}, 2 s),
 * DOWN with the {@code error} otherwise. A result is reused for {@code cache-for} (5 s), and concurrent checks wait
 * for the one in progress, so frequent health probes reach the broker at most once per period.
 */
@Component("kafkaHealthIndicator")
class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

    private final ClusterProbe probe;
    private final Duration timeout;
    private final long cacheNanos;
    private final LongSupplier nanoTime;

    /** Guarded by {@code this}. */
    private Health cached;
    private long checkedAt;

    @Autowired
    KafkaHealthIndicator(KafkaAdmin admin, ProducerProperties properties) {
        this(new AdminClusterProbe(admin.getConfigurationProperties(), properties.kafkaHealth().timeout()),
                properties.kafkaHealth().timeout(), properties.kafkaHealth().cacheFor(), System::nanoTime);
    }

    KafkaHealthIndicator(ClusterProbe probe, Duration timeout, Duration cacheFor, LongSupplier nanoTime) {
        this.probe = probe;
        this.timeout = timeout;
        this.cacheNanos = cacheFor.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized Health health() {
        long now = nanoTime.getAsLong();
        if (cached == null || now - checkedAt >= cacheNanos) {
            cached = check();
            checkedAt = now;
        }
        return cached;
    }

    private Health check() {
        try {
            ClusterProbe.ClusterInfo cluster = probe.describe(timeout);
            return Health.up().withDetail("clusterId", cluster.clusterId()).withDetail("nodes", cluster.nodes()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            return Health.down().withDetail("error", DeliveryCounts.describe(cause)).build();
        }
    }

    @Override
    public void destroy() throws Exception {
        if (probe instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
