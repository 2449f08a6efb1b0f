package org.etlsuite.dashboard.quality;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads the latest dead letters of each dead-letter topic straight from the broker, with a consumer of its own per
 * read: no consumer group (the partitions are assigned, nothing is committed), so the dashboard never shows up
 * among the groups of the suite nor moves anyone's offsets. Every wait is bounded, so that a page whose broker is
 * gone still answers within {@link #BUDGET}.
 */
@Component
class DeadLetterReader {

    /** How long one read of all the topics may take, the broker's answers included. */
    static final Duration BUDGET = Duration.ofMillis(1500);

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration CLOSE_TIMEOUT = Duration.ofMillis(100);

    /** Bytes of a value the page shows. */
    static final int VALUE_PREVIEW = 32;

    private final String bootstrapServers;

    DeadLetterReader(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * The last {@code limit} records of each topic, newest first, by topic in the order given; a topic that does
     * not exist yet has none. Whatever could not be fetched within the budget once the offsets were known is left
     * out rather than waited for.
     *
     * @throws org.apache.kafka.common.KafkaException when the broker cannot be reached or read in time
     */
    Map<String, List<DeadLetter>> latest(List<String> topics, int limit) {
        long deadline = System.nanoTime() + BUDGET.toNanos();
        Map<String, List<DeadLetter>> letters = new LinkedHashMap<>();
        topics.forEach(topic -> letters.put(topic, new ArrayList<>()));
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties());
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo info : consumer.partitionsFor(topic, left(deadline))) {
                    partitions.add(new TopicPartition(info.topic(), info.partition()));
                }
            }
            // read_committed: the end is the last stable offset, so the records of an open transaction wait
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, left(deadline));
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, left(deadline));
            Map<TopicPartition, Long> windows = new HashMap<>();
            partitions.stream().filter(partition -> ends.get(partition) > starts.get(partition))
                    .forEach(partition -> windows.put(partition, (long) limit));
            Map<TopicPartition, List<DeadLetter>> read = new HashMap<>();
            // transaction markers and aborted records take offsets too: the last `limit` offsets may hold fewer
            // records, so a partition that gave too few is read again over a wider window while time is left
            while (!windows.isEmpty() && System.nanoTime() < deadline) {
                Map<TopicPartition, Long> from = new HashMap<>();
                windows.forEach((partition, window) -> from.put(partition, Math.max(starts.get(partition), ends.get(partition) - window)));
                read.putAll(read(consumer, from, ends, deadline));
                windows.entrySet().removeIf(partition -> read.get(partition.getKey()).size() >= limit
                        || from.get(partition.getKey()) <= starts.get(partition.getKey()));
                windows.replaceAll((partition, window) -> window * 4);
            }
            read.forEach((partition, list) -> letters.get(partition.topic()).addAll(list));
        } finally {
            // nothing to commit or leave: the default close would wait up to 30 s for a broker that is gone
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        }
        Comparator<DeadLetter> newestFirst = Comparator.comparing(DeadLetter::timestamp).reversed()
                .thenComparing(DeadLetter::partition).thenComparing(Comparator.comparingLong(DeadLetter::offset).reversed());
        letters.replaceAll((topic, list) -> list.stream().sorted(newestFirst).limit(limit).toList());
        return letters;
    }

    /** The records of each partition from its offset up to its end, as far as they come in before the deadline. */
    private static Map<TopicPartition, List<DeadLetter>> read(KafkaConsumer<byte[], byte[]> consumer,
            Map<TopicPartition, Long> from, Map<TopicPartition, Long> ends, long deadline) {
        Map<TopicPartition, List<DeadLetter>> read = new HashMap<>();
        from.keySet().forEach(partition -> read.put(partition, new ArrayList<>()));
        // only the partitions to read, so that no other is fetched from or reset
        consumer.assign(from.keySet());
        // a partition kept from the previous read keeps its pause too
        consumer.resume(from.keySet());
        from.forEach(consumer::seek);
        Map<TopicPartition, Long> pending = new HashMap<>(from);
        // short polls: a partition whose last offsets are transaction markers gives no record to wake a long one
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (pending.containsKey(partition) && record.offset() < ends.get(partition)) {
                    read.get(partition).add(letter(record));
                }
            }
            pending.keySet().removeIf(partition -> {
                boolean done = consumer.position(partition) >= ends.get(partition);
                if (done) {
                    consumer.pause(List.of(partition));
                }
                return done;
            });
        }
        return read;
    }

    private Properties properties() {
        int budget = (int) BUDGET.toMillis();
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "dashboard-dead-letters");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        // the topics are written in transactions: without this, records of aborted attempts would show too
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, budget);
        properties.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, budget);
        properties.put(ConsumerConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, 500);
        properties.put(ConsumerConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, budget);
        properties.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 250);
        return properties;
    }

    private static DeadLetter letter(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.key().startsWith(DeadLetterHeaders.PREFIX) && header.value() != null) {
                // the last of repeated headers wins, as the transformer reads them
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        byte[] value = record.value();
        return new DeadLetter(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                headers, value == null ? new byte[0] : Arrays.copyOf(value, Math.min(value.length, VALUE_PREVIEW)),
                value == null ? -1 : value.length);
    }

    private static Duration left(long deadline) {
        long nanos = deadline - System.nanoTime();
        if (nanos <= 0) {
            throw new org.apache.kafka.common.errors.TimeoutException("no answer from the broker within " + BUDGET.toMillis() + " ms");
        }
        return Duration.ofNanos(nanos);
    }
}
