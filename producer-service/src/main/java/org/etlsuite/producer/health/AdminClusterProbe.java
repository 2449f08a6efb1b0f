package org.etlsuite.producer.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

/**
 * {@link ClusterProbe} with one long-lived Kafka {@link Admin} client (created at the first check, closed with the
 * probe): {@code describeCluster} with the check's timeout, which also bounds the client's own request, connection
 * setup and API timeouts, so an unreachable broker answers within it.
 */
final class AdminClusterProbe implements ClusterProbe, AutoCloseable {

    private final Map<String, Object> config;
    private Admin admin;

    /** @param clientConfig the application's admin client settings (bootstrap servers, security, ...) */
    AdminClusterProbe(Map<String, Object> clientConfig, Duration timeout) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        config.put(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, (long) millis);
        config.put(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, (long) millis);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "producer-service-health");
        this.config = Map.copyOf(config);
    }

    @Override
    public synchronized ClusterInfo describe(Duration timeout) throws Exception {
        if (admin == null) {
            admin = Admin.create(config);
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis));
        // The client enforces the timeout itself; the bound on get() only guards against it failing to.
        long bound = millis + 1_000L;
        String clusterId = cluster.clusterId().get(bound, TimeUnit.MILLISECONDS);
        int nodes = cluster.nodes().get(bound, TimeUnit.MILLISECONDS).size();
        return new ClusterInfo(clusterId, nodes);
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}
