package org.etlsuite.localstack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka cluster in this JVM: one KRaft process that is both broker and controller
 * (node id 1), the same server classes {@code kafka-server-start.sh} runs, with its log directory in the
 * data folder so that topics, offsets and transactions survive a restart.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaServer.class);

    private final KafkaRaftServer server;
    private boolean closed;

    private EmbeddedKafkaServer(KafkaRaftServer server) {
        this.server = server;
    }

    /**
     * Formats {@code logDir} on first use, then starts the server and returns once the broker is unfenced
     * and accepts clients.
     *
     * @param address the broker listener's address; the controller listens on loopback only
     */
    public static EmbeddedKafkaServer start(Path logDir, InetAddress address, int port, int controllerPort) {
        KafkaConfig config = KafkaConfig.fromProps(brokerProperties(logDir, address, port, controllerPort), false);
        formatIfNeeded(config, logDir);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            throw new LocalStackException("Kafka did not start on " + Addresses.uriHost(address) + ":" + port + ": " + e.getMessage(), e);
        }
        return new EmbeddedKafkaServer(server);
    }

    /**
     * The broker settings: a combined KRaft node with a static one-voter quorum, and replication settings of 1
     * for the internal topics, which a single node could otherwise never satisfy (consumer offsets, and the
     * transaction log that Kafka Streams exactly_once_v2 needs).
     *
     * <p>The broker advertises the address it listens on, or loopback when that is the wildcard address: clients
     * on other machines then reach the bootstrap but are sent to 127.0.0.1, so for them bind a real address.
     */
    static Properties brokerProperties(Path logDir, InetAddress address, int port, int controllerPort) {
        String controller = Addresses.uriHost(Addresses.LOOPBACK) + ":" + controllerPort;
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + controller);
        props.put("listeners", "PLAINTEXT://" + Addresses.uriHost(address) + ":" + port + "," + CONTROLLER_LISTENER + "://"
                + controller);
        props.put("advertised.listeners", "PLAINTEXT://" + Addresses.uriHost(Addresses.clientAddress(address)) + ":" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        props.put("num.partitions", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        // One broker: fewer internal partitions make the first start and the first consumer group faster.
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.num.partitions", "5");
        // Without this the first consumer group waits 3 s for more members that never come.
        props.put("group.initial.rebalance.delay.ms", "0");
        // The services declare their topics; a typo in a topic name should fail, not create a new topic.
        props.put("auto.create.topics.enable", "false");
        return props;
    }

    /** Writes meta.properties and the bootstrap metadata once; a formatted directory is reused as it is. */
    static void formatIfNeeded(KafkaConfig config, Path logDir) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(printStream)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(logDir.toAbsolutePath().toString())
                    .run();
        } catch (Exception e) {
            throw new LocalStackException("Could not format the Kafka log directory " + logDir + ": " + e.getMessage(), e);
        }
        log.info("Formatted new Kafka log directory {}: {}", logDir, output.toString(StandardCharsets.UTF_8).trim());
    }

    /** Stops the broker and the controller and waits until their threads are gone and the log is flushed. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
    }
}
