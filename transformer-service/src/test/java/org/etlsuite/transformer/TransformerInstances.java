package org.etlsuite.transformer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.awaitility.Awaitility.await;

/**
 * Transformer instances in this JVM that share one application id (one consumer group, the input
 * partitions split between them) but have their own state and data folders, against a real broker and
 * a real PostgreSQL: what a scale-out test runs.
 */
final class TransformerInstances implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;
    private final String registry;
    private final String applicationId;
    private final Path workDir;
    private final List<ConfigurableApplicationContext> started = new ArrayList<>();

    private TransformerInstances(EmbeddedKafkaKraftBroker broker, String registry, String applicationId, Path workDir) {
        this.broker = broker;
        this.registry = registry;
        this.applicationId = applicationId;
        this.workDir = workDir;
    }

    /** A started broker for exactly-once (see {@link TestBrokers}) with the given topics, and no instance yet. */
    static TransformerInstances withBroker(String registry, String applicationId, Path workDir, String... topics) {
        return new TransformerInstances(TestBrokers.startedForExactlyOnce(topics), registry, applicationId, workDir);
    }

    EmbeddedKafkaKraftBroker broker() {
        return broker;
    }

    /** Waits until every instance runs and reads some of the topic's partitions (the partitions are split among them). */
    static void awaitSplit(String topic, Duration timeout, ConfigurableApplicationContext... instances) {
        await().atMost(timeout).until(() -> Stream.of(instances)
                .allMatch(instance -> running(instance) && !inputPartitions(instance, topic).isEmpty()));
    }

    /** Starts an instance whose data folder is {@link #dataDir(String)}; {@code properties} come last and win. */
    ConfigurableApplicationContext start(String name, String... properties) {
        // command-line arguments: they take precedence over application.yml (builder properties would not)
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TransformerApplication.class).run(Stream.concat(Stream.of(
                        "server.port=0",
                        "spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "spring.kafka.properties.schema.registry.url=" + registry,
                        "spring.kafka.streams.application-id=" + applicationId,
                        "spring.kafka.streams.properties.commit.interval.ms=100",
                        "spring.datasource.url=" + EmbeddedPostgresHolder.jdbcUrl(),
                        "spring.datasource.username=postgres",
                        "spring.datasource.password=postgres",
                        "etl.export-interval=250ms",
                        "etl.topic-partitions=3",
                        "etl.data-dir=" + dataDir(name),
                        "etl.state-dir=" + workDir.resolve(name + "/state")), Stream.of(properties))
                .map(property -> "--" + property).toArray(String[]::new));
        started.add(context);
        return context;
    }

    Path dataDir(String name) {
        return workDir.resolve(name + "/data");
    }

    private static KafkaStreams streams(ConfigurableApplicationContext context) {
        return context.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
    }

    static boolean running(ConfigurableApplicationContext context) {
        KafkaStreams streams = streams(context);
        return streams != null && streams.state() == KafkaStreams.State.RUNNING;
    }

    /** The partitions of the topic that this instance's active tasks read. */
    static Set<Integer> inputPartitions(ConfigurableApplicationContext context, String topic) {
        KafkaStreams streams = streams(context);
        if (streams == null) {
            return Set.of();
        }
        return streams.metadataForLocalThreads().stream()
                .flatMap(thread -> thread.activeTasks().stream())
                .flatMap(task -> task.topicPartitions().stream())
                .filter(partition -> partition.topic().equals(topic))
                .map(TopicPartition::partition)
                .collect(Collectors.toSet());
    }

    /** Stops the instances, then the broker. */
    @Override
    public void close() {
        started.forEach(ConfigurableApplicationContext::close);
        broker.destroy();
    }
}
