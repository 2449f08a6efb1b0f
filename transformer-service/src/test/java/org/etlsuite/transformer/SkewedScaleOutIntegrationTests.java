package org.etlsuite.transformer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.etlsuite.transformer.stream.QualityKey;
import org.etlsuite.transformer.stream.StreamSpec;
import org.etlsuite.transformer.table.KpiTable;
import org.etlsuite.transformer.table.PartialKey;
import org.etlsuite.transformer.topology.StreamCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance of the counting design under skew and scale-out: all three streams, 3 partitions, two
 * instances, and about 80 % of every stream's records sent under one hot key (so on one partition). The
 * files of both instances must equal the independent computation of {@link AllStreamsLoad},
 * and every stream's hottest counter (its accepted records, which every valid record hits) must have
 * been counted on every partition, not funnelled through one key: its partials come from all three.
 */
class SkewedScaleOutIntegrationTests {

    private static final String REGISTRY = "mock://skewed-scale-out";
    private static final String APPLICATION_ID = "skewed-scale-out-test";
    private static final int RECORDS = 30_000;
    private static final String HOT_KEY = "hot-key";


    @TempDir
    static Path workDir;

    private static TransformerInstances instances;

    @BeforeAll
    static void startBroker() {
        instances = TransformerInstances.withBroker(REGISTRY, APPLICATION_ID, workDir, AllStreamsLoad.URBAN,
                AllStreamsLoad.PRODUCT, AllStreamsLoad.TRANSPORT);
    }

    @AfterAll
    static void stopAll() {
        if (instances != null) {
            instances.close();
        }
    }

    /** Four keys in five go to the hot key; a function of the key, so that copies of an event still meet on one partition. */
    private static final UnaryOperator<String> SKEW = key -> key != null && Math.floorMod(key.hashCode(), 5) != 0 ? HOT_KEY : key;

    @Test
    void shouldWriteExactFilesFromTwoInstancesWhenMostRecordsShareOneKey() throws Exception {
        ConfigurableApplicationContext first = instances.start("a", "etl.export.parquet-interval=5s");
        ConfigurableApplicationContext second = instances.start("b", "etl.export.parquet-interval=5s");
        TransformerInstances.awaitSplit(AllStreamsLoad.URBAN, Duration.ofSeconds(90), first, second);

        AllStreamsLoad.Sent sent = AllStreamsLoad.send(instances.broker().getBrokersAsString(), REGISTRY, RECORDS, SKEW);

        Path a = instances.dataDir("a");
        Path b = instances.dataDir("b");
        AllStreamsLoad.awaitAccountedFor(a, sent);
        AllStreamsLoad.assertFiles(a, sent);
        AllStreamsLoad.awaitAccountedFor(b, sent);
        AllStreamsLoad.assertFiles(b, sent);

        // The skew was real: most of every stream's input sits on the hot key's partition.
        Map<String, Map<Integer, Long>> input = recordsPerPartition(StreamCatalog.specs().stream().map(StreamSpec::topic).toList());
        for (var stream : input.entrySet()) {
            long hottest = stream.getValue().values().stream().mapToLong(Long::longValue).max().orElseThrow();
            assertThat(hottest).as("records on the hottest partition of %s", stream.getKey()).isGreaterThan(RECORDS * 7L / 10);
        }

        // Yet each stream's accepted counter was counted on all three partitions, and the partials add up to the file's count.
        Map<String, Long> accepted = Map.of(
                AllStreamsLoad.URBAN, (long) sent.urban().clean().size(),
                AllStreamsLoad.PRODUCT, (long) sent.product().clean().size(),
                AllStreamsLoad.TRANSPORT, (long) sent.transport().clean().size());
        for (StreamSpec<?, ?> spec : StreamCatalog.specs()) {
            Map<Integer, Long> partials = acceptedPartials(spec.dataQuality(), QualityKey.accepted(spec.topic()));
            assertThat(partials.keySet()).as("partitions counting %s's accepted records", spec.topic()).containsExactlyInAnyOrder(0, 1, 2);
            assertThat(partials.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(accepted.get(spec.topic()));
        }

        // And no counting step repartitions: the only repartition topic is product's by event id, which de-duplication needs.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, instances.broker().getBrokersAsString()))) {
            Set<String> repartitions = admin.listTopics().names().get().stream().filter(topic -> topic.endsWith("-repartition"))
                    .collect(Collectors.toSet());
            assertThat(repartitions).containsExactly(APPLICATION_ID + "-product-events-by-event-id-repartition");
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer() {
        // assigned partitions only: no group, nothing committed
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, instances.broker().getBrokersAsString(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Committed records per partition of each input topic. */
    private static Map<String, Map<Integer, Long>> recordsPerPartition(List<String> topics) {
        Map<String, Map<Integer, Long>> counts = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = topics.stream().flatMap(topic -> Stream.of(0, 1, 2).map(p -> new TopicPartition(topic, p))).toList();
            consumer.endOffsets(partitions).forEach((partition, end) ->
                    counts.computeIfAbsent(partition.topic(), t -> new HashMap<>()).put(partition.partition(), end));
        }
        return counts;
    }

    /** The latest committed partial of one counter per counting partition, read from the table's topic. */
    private static Map<Integer, Long> acceptedPartials(KpiTable<QualityKey, Long> table, QualityKey counter) {
        Map<Integer, Long> latest = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = Stream.of(0, 1, 2).map(p -> new TopicPartition(table.topic(), p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    PartialKey<QualityKey> key = table.partialKeySerde().deserializer().deserialize(record.topic(), record.key());
                    if (key.cell().equals(counter)) {
                        latest.put(key.partition(), table.valueSerde().deserializer().deserialize(record.topic(), record.value()));
                    }
                }
            }
            if (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                throw new IllegalStateException("did not read " + table.topic() + " to its end within 30 s");
            }
        }
        return latest;
    }
}
