import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads up to {@code max} records of a topic from the beginning, as raw bytes, and prints the average
 * serialized key and value sizes: {@code records=N avg_key_bytes=K avg_value_bytes=V}.
 * <p>
 * Run on the bench class path (bench/producer-throughput.sh compiles it), or with Java's single-file source launcher:
 * {@code java -cp <kafka-tools class path> bench/RecordSizes.java <bootstrap> <topic> <max>}.
 */
public class RecordSizes {

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: RecordSizes <bootstrap-servers> <topic> <max-records>");
            System.exit(2);
        }
        String topic = args[1];
        long max = Long.parseLong(args[2]);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            // assign() rather than subscribe(): no consumer group, nothing committed, no rebalance to wait for
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long available = end.values().stream().mapToLong(Long::longValue).sum()
                    - consumer.beginningOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
            long target = Math.min(max, available);
            long records = 0, keyBytes = 0, valueBytes = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (records < target) {
                if (System.nanoTime() > deadline) {
                    System.err.println("RecordSizes: read only " + records + " of " + target + " records of " + topic + " in 120 s");
                    System.exit(1);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (records == target) {
                        break;
                    }
                    records++;
                    keyBytes += record.key() == null ? 0 : record.key().length;
                    valueBytes += record.value() == null ? 0 : record.value().length;
                }
            }
            if (records == 0) {
                System.err.println("RecordSizes: topic " + topic + " is empty");
                System.exit(1);
            }
            System.out.printf("records=%d avg_key_bytes=%.2f avg_value_bytes=%.2f%n",
                    records, (double) keyBytes / records, (double) valueBytes / records);
        }
    }
}
