import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The ceiling of any exactly-once transformer on this broker: a Kafka Streams application that does nothing
 * but copy each record of {@code <input>} (bytes) to the same partition of {@code <output>} (bytes), with
 * {@code processing.guarantee=exactly_once_v2} and the given commit interval and stream threads (the
 * transformer's settings, passed in by bench/end-to-end.sh).
 * <p>
 * The input topic must already hold its records (nothing writes to it meanwhile); the output topic is created
 * here with the input's partition count. When {@code <input>-warmup} exists and is not empty, it is first copied
 * the same way by an application of its own (in this JVM, so that the measured run finds the JIT warm), as
 * bench/WarmProducerPerformance.java leaves one next to every topic it fills.
 * <p>
 * The clock runs from {@link KafkaStreams#start()} until every input record is processed <em>and committed</em>:
 * the application's committed input offsets (which exactly_once_v2 commits inside the same transactions as the
 * output records) reach the input's end offsets. Committed end offsets of the output cannot be compared with the
 * record count directly, since each committed transaction adds a marker that takes an offset of its own. After
 * the clock stops, the output is read back with {@code read_committed} and must hold exactly as many records as
 * the input (not timed). Prints one line:
 * <pre>records=N millis=M records_per_sec=R cpu_ms=C broker_cpu_ms=B running_after_ms=S output_records=O</pre>
 * {@code cpu_ms} is this JVM's CPU time over the measured span; {@code broker_cpu_ms} the broker's (when the
 * system property {@code bench.broker.pid} names its process; Linux /proc), {@code running_after_ms} when the
 * client first reached RUNNING. With {@code -Dbench.delete.topics=true} the input, output and warm-up topics are
 * deleted afterwards (they are large and no longer needed).
 * <p>
 * {@code java -cp <bench class path> bench/EosPassThrough.java <bootstrap> <input> <output> <commit.interval.ms>
 * <num.stream.threads> <state-dir> <timeout-seconds>}
 */
public class EosPassThrough {

    /** The source partition of the record being forwarded, read by the sink's partitioner on the same thread. */
    private static final ThreadLocal<Integer> SOURCE_PARTITION = new ThreadLocal<>();

    public static void main(String[] args) throws Exception {
        if (args.length != 8) {
            System.err.println("usage: EosPassThrough <bootstrap-servers> <input-topic> <output-topic> <commit.interval.ms>"
                    + " <num.stream.threads> <state-dir> <timeout-seconds> <producer.batch.size>");
            System.exit(2);
        }
        String bootstrap = args[0];
        String input = args[1];
        String output = args[2];
        String commitInterval = args[3];
        String threads = args[4];
        Path stateDir = Path.of(args[5]);
        Duration timeout = Duration.ofSeconds(Long.parseLong(args[6]));
        String batchSize = args[7];
        Properties adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(adminProps)) {
            String warmInput = input + "-warmup";
            if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(warmInput)
                    && total(endOffsets(admin, warmInput)) > 0) {
                Result warm = copy(admin, bootstrap, warmInput, output + "-warmup", commitInterval, threads, batchSize, stateDir, timeout);
                System.out.println("warmup records=" + warm.records + " millis=" + warm.millis);
            }
            Result measured = copy(admin, bootstrap, input, output, commitInterval, threads, batchSize, stateDir, timeout);
            long outputRecords = countCommitted(bootstrap, output, timeout);
            System.out.printf("records=%d millis=%d records_per_sec=%.0f cpu_ms=%d broker_cpu_ms=%d running_after_ms=%d output_records=%d%n",
                    measured.records, measured.millis, measured.records * 1000.0 / Math.max(1, measured.millis),
                    measured.cpuMillis, measured.brokerCpuMillis, measured.runningAfterMillis, outputRecords);
            if (Boolean.getBoolean("bench.delete.topics")) {
                Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                List<String> delete = List.of(input, warmInput, output, output + "-warmup").stream()
                        .filter(existing::contains).toList();
                admin.deleteTopics(delete).all().get(60, TimeUnit.SECONDS);
            }
            if (outputRecords != measured.records) {
                System.err.println("EosPassThrough: " + output + " holds " + outputRecords + " committed records, expected "
                        + measured.records);
                System.exit(1);
            }
        }
    }

    private record Result(long records, long millis, long cpuMillis, long brokerCpuMillis, long runningAfterMillis) {
    }

    private static Result copy(Admin admin, String bootstrap, String input, String output, String commitInterval,
                               String threads, String batchSize, Path stateDir, Duration timeout) throws Exception {
        TopicDescription description = admin.describeTopics(List.of(input)).allTopicNames().get(30, TimeUnit.SECONDS).get(input);
        int partitions = description.partitions().size();
        try {
            admin.createTopics(List.of(new NewTopic(output, partitions, (short) 1))).all().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        Map<TopicPartition, Long> end = endOffsets(admin, input);
        long records = total(end); // a non-transactional producer filled it: offsets are records
        String applicationId = "eos-pass-through-" + output;

        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), batchSize);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, "1");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(stateDir.resolve(applicationId)).toString());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");

        Topology topology = new Topology();
        topology.addSource("source", Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(), input);
        topology.addProcessor("same-partition", SamePartition::new, "source");
        StreamPartitioner<byte[], byte[]> samePartition =
                (topic, key, value, numPartitions) -> Optional.of(Set.of(SOURCE_PARTITION.get()));
        topology.addSink("sink", output, Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer(), samePartition,
                "same-partition");

        String brokerPid = System.getProperty("bench.broker.pid");
        AtomicReference<Long> runningAt = new AtomicReference<>();
        AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.CREATED);
        try (KafkaStreams streams = new KafkaStreams(topology, props)) {
            streams.setStateListener((now, before) -> {
                state.set(now);
                if (now == KafkaStreams.State.RUNNING) {
                    runningAt.compareAndSet(null, System.nanoTime());
                }
            });
            long brokerBefore = brokerPid == null ? 0 : cpuMillisOf(brokerPid);
            long cpuBefore = processCpuNanos();
            long started = System.nanoTime();
            streams.start();
            long deadline = started + timeout.toNanos();
            while (committed(admin, applicationId, end.keySet()) < records) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("EosPassThrough: " + input + " not copied within " + timeout.toSeconds() + " s");
                }
                if (state.get() == KafkaStreams.State.ERROR || state.get() == KafkaStreams.State.PENDING_ERROR) {
                    throw new IllegalStateException("EosPassThrough: the Kafka Streams client failed");
                }
                Thread.sleep(20);
            }
            long finished = System.nanoTime();
            long cpu = (processCpuNanos() - cpuBefore) / 1_000_000;
            long brokerCpu = brokerPid == null ? 0 : cpuMillisOf(brokerPid) - brokerBefore;
            Long running = runningAt.get();
            streams.close(Duration.ofSeconds(60));
            streams.cleanUp();
            return new Result(records, (finished - started) / 1_000_000, cpu, brokerCpu,
                    running == null ? -1 : (running - started) / 1_000_000);
        }
    }

    private static final class SamePartition implements Processor<byte[], byte[], byte[], byte[]> {
        private ProcessorContext<byte[], byte[]> context;

        @Override
        public void init(ProcessorContext<byte[], byte[]> context) {
            this.context = context;
        }

        @Override
        public void process(Record<byte[], byte[]> record) {
            SOURCE_PARTITION.set(context.recordMetadata().orElseThrow().partition());
            context.forward(record);
        }
    }

    private static long committed(Admin admin, String groupId, Set<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets;
        try {
            offsets = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException
                    || e.getCause() instanceof org.apache.kafka.common.errors.CoordinatorLoadInProgressException) {
                return 0; // the group does not exist yet
            }
            throw e;
        }
        return partitions.stream().map(offsets::get).filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                .partitions().size();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        return admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static long total(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Reads the topic from the beginning with read_committed and counts its records (markers are not records). */
    private static long countCommitted(String bootstrap, String topic, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions); // last stable offsets
            long records = 0;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("EosPassThrough: could not read " + topic + " back within " + timeout.toSeconds() + " s");
                }
                records += consumer.poll(Duration.ofMillis(500)).count();
            }
            return records;
        }
    }

    /** utime + stime of a process from /proc/<pid>/stat (fields 14 and 15, in clock ticks of 1/100 s on Linux). */
    private static long cpuMillisOf(String pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
