package org.etlsuite.transformer.run.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The Kafka questions a run asks: offsets of topics and of the Streams consumer group (Admin client),
 * and the committed records of a range (a read_committed consumer without a group, so it commits
 * nothing and never joins or disturbs a group).
 */
public class RunKafka implements AutoCloseable {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    // short: the last poll of a range often only steps over a commit marker and returns nothing
    private static final Duration POLL = Duration.ofMillis(100);

    private final Admin admin;
    private final Map<String, Object> consumerConfig;

    public RunKafka(Admin admin, Map<String, Object> clientConfig) {
        this.admin = admin;
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        this.consumerConfig = Map.copyOf(config);
    }

    /** Partitions of the topics. */
    public Set<TopicPartition> partitions(Collection<String> topics) throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames()
                .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return descriptions.values().stream()
                .flatMap(description -> description.partitions().stream()
                        .map(partition -> new TopicPartition(description.name(), partition.partition())))
                .collect(Collectors.toSet());
    }

    /**
     * The end of what a read_committed reader sees (the last stable offset): every record below it is
     * committed or aborted, none is in an open transaction.
     */
    public Map<TopicPartition, Long> stableEnds(Collection<TopicPartition> partitions) throws ExecutionException, InterruptedException, TimeoutException {
        return offsets(partitions, OffsetSpec.latest());
    }

    public Map<TopicPartition, Long> beginnings(Collection<TopicPartition> partitions) throws ExecutionException, InterruptedException, TimeoutException {
        return offsets(partitions, OffsetSpec.earliest());
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(partition -> partition, partition -> spec));
        return admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    /** Offsets the consumer group has committed (partitions it never committed are absent). */
    public Map<TopicPartition, Long> committed(String groupId) throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()
                .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        committed.forEach((partition, offset) -> {
            if (offset != null) {
                offsets.put(partition, offset.offset());
            }
        });
        return offsets;
    }

    /** Names of all topics (internal ones of applications included). */
    public Set<String> topics() throws ExecutionException, InterruptedException, TimeoutException {
        return admin.listTopics().names().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Opens a reader for {@link RangeProbe#hasRecords}: one consumer for all the questions of a wait,
     * rather than one per partition and poll.
     */
    public RangeProbe probe() {
        return new RangeProbe(new KafkaConsumer<>(consumerConfig));
    }

    /** Answers whether ranges of partitions hold committed data records. */
    public static final class RangeProbe implements AutoCloseable {

        private final KafkaConsumer<byte[], byte[]> consumer;

        private RangeProbe(KafkaConsumer<byte[], byte[]> consumer) {
            this.consumer = consumer;
        }

        /**
         * Whether the committed records of [from, to) include at least one data record. Commit and
         * abort markers take offsets too, so "committed offset &lt; end offset" alone does not mean
         * there is something left to process; this reads the range to find out (and stops at the
         * first record).
         */
        public boolean hasRecords(TopicPartition partition, long from, long to) {
            if (from >= to) {
                return false;
            }
            consumer.assign(List.of(partition));
            consumer.seek(partition, from);
            long deadline = System.nanoTime() + CALL_TIMEOUT.toNanos();
            while (consumer.position(partition) < to) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL).records(partition)) {
                    if (record.offset() < to) {
                        return true;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + partition + " from " + from + " to " + to + " within " + CALL_TIMEOUT);
                }
            }
            return false;
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Hands every committed record of the ranges to {@code sink}, partition by partition in offset
     * order, and checks that the whole range was readable.
     *
     * @param cancelled checked between polls; what it throws (a cancelled or fenced run) ends the scan
     */
    public void scan(OffsetRanges ranges, Consumer<ConsumerRecord<byte[], byte[]>> sink, Runnable cancelled) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig)) {
            for (Map.Entry<TopicPartition, Long> start : ranges.from().entrySet()) {
                TopicPartition partition = start.getKey();
                long to = ranges.to().get(partition);
                if (start.getValue() >= to) {
                    continue;
                }
                consumer.assign(List.of(partition));
                consumer.seek(partition, start.getValue());
                long idleSince = System.nanoTime();
                while (consumer.position(partition) < to) {
                    cancelled.run();
                    List<ConsumerRecord<byte[], byte[]>> records = consumer.poll(POLL).records(partition);
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        if (record.offset() < to) {
                            sink.accept(record);
                        }
                    }
                    if (!records.isEmpty()) {
                        idleSince = System.nanoTime();
                    } else if (System.nanoTime() - idleSince > CALL_TIMEOUT.toNanos()) {
                        throw new IllegalStateException("Reading " + partition + " stalled at " + consumer.position(partition)
                                + " before " + to + " for " + CALL_TIMEOUT.toSeconds() + " s");
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
