package org.etlsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.model.AvroTrust;
import org.etlsuite.model.Topics;
import org.etlsuite.model.serde.AvroSerializer;
import org.etlsuite.transformer.CommittedRecords;
import org.etlsuite.transformer.UrbanLoad;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault 4: the Schema Registry goes away while the packaged transformer has records to read whose writer schema it
 * has not seen yet. Half of a load is written as v1 and processed; the registry then stops, and the other half is
 * written as a compatible v2 (by an external producer whose serializer looked the id up before the outage). The
 * transformer cannot resolve that id, so it must halt (neither skip nor dead-letter the records) and exit; the
 * supervisor of the embedded default starts it again with backoff, as often as needed, and once the registry is
 * back every reading counts exactly once.
 *
 * <p>Size: {@code etl.fault.events} readings (default 4,000) and {@code etl.fault.registry-outage-seconds} (default 20;
 * the documented full-size run takes 60).
 */
class RegistryOutageFaultIntegrationTests {

    private static final int READINGS = Integer.getInteger("etl.fault.events", 4_000);
    private static final Duration OUTAGE = Duration.ofSeconds(Integer.getInteger("etl.fault.registry-outage-seconds", 20));
    private static final String TOPIC = Topics.URBAN_SENSORS;
    /** The most a restart waits (30 s) and the time the transformer takes to come up, on this slow machine. */
    private static final Duration RECOVERY = Duration.ofSeconds(120);

    @TempDir
    Path data;

    FaultStack stack;

    @BeforeEach
    void startStack() {
        AvroTrust.trustGeneratedEvents();
        stack = FaultStack.start(data, EtlServices.TRANSFORMER);
    }

    @AfterEach
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldHaltWithoutSkippingWhileTheRegistryIsDownAndCountEveryReadingOnceItIsBack() throws Exception {
        UrbanLoad load = new UrbanLoad(READINGS, 20261204L);
        List<UrbanSensorReading> readings = new ArrayList<>(READINGS);
        load.forEach(readings::add);
        List<UrbanSensorReading> before = readings.subList(0, READINGS / 2);
        List<UrbanSensorReading> during = readings.subList(READINGS / 2, READINGS);
        Path quality = stack.dataDir().resolve(UrbanLoad.QUALITY_CSV);
        String bootstrap = stack.endpoints().kafkaBootstrapServers();
        ServiceProcess transformer = stack.service(EtlServices.TRANSFORMER);

        try (ExternalProducer producer = new ExternalProducer()) {
            before.forEach(producer::sendV1);
            producer.flush();
            await().atMost(UrbanLoad.await(before.size())).pollInterval(Duration.ofMillis(500))
                    .until(() -> UrbanLoad.urbanQualityLines(quality).equals(UrbanLoad.expectedQualityLines(before.size())));
            // registers v2 and keeps its id, so that the producer needs no registry during the outage
            producer.learnV2(during.getFirst());

            stack.stopRegistry();
            Instant down = Instant.now();
            during.forEach(producer::sendV2);
            producer.flush();

            await().atMost(OUTAGE).pollInterval(Duration.ofMillis(200)).until(() -> !transformer.isAlive());
            Duration untilExit = Duration.between(down, Instant.now());
            // for the rest of the outage, nothing of the second half is counted, skipped or dead-lettered
            Duration rest = OUTAGE.minus(untilExit);
            if (rest.compareTo(Duration.ofSeconds(1)) > 0) {
                await().during(rest).atMost(rest.plusSeconds(30)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> UrbanLoad.urbanQualityLines(quality).equals(UrbanLoad.expectedQualityLines(before.size()))
                                && CommittedRecords.read(bootstrap, TOPIC + ".DLT").isEmpty());
            }
            assertThat(UrbanLoad.urbanQualityLines(quality)).isEqualTo(UrbanLoad.expectedQualityLines(before.size()));
            assertThat(CommittedRecords.read(bootstrap, TOPIC + ".DLT")).isEmpty();
            stack.startRegistry();
            System.out.printf("registry outage: %d readings, transformer exited %.1f s after the registry stopped, registry down %.1f s%n",
                    READINGS, untilExit.toMillis() / 1000.0, Duration.between(down, Instant.now()).toMillis() / 1000.0);
        }

        Instant back = Instant.now();
        await().atMost(RECOVERY.plus(UrbanLoad.await(READINGS))).pollInterval(Duration.ofMillis(500))
                .until(() -> UrbanLoad.urbanQualityLines(quality).equals(load.expectedQualityLines()));
        System.out.printf("registry outage: every reading counted %.1f s after the registry came back%n",
                Duration.between(back, Instant.now()).toMillis() / 1000.0);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class)
                .untilAsserted(() -> load.assertAggregatedCsv(stack.dataDir().resolve(UrbanLoad.CSV)));
        assertThat(CommittedRecords.read(bootstrap, TOPIC + ".DLT")).isEmpty();
        assertThat(CommittedRecords.read(bootstrap, TOPIC + ".processed")).hasSize(READINGS);
        ServiceProcess restarted = stack.service(EtlServices.TRANSFORMER);
        assertThat(restarted.pid()).isNotEqualTo(transformer.pid());
        assertThat(restarted.isAlive()).isTrue();
        assertThat(Files.readAllLines(restarted.logFile())).as("restart markers in %s", restarted.logFile())
                .anyMatch(line -> line.startsWith("---- local-stack: " + EtlServices.TRANSFORMER + " exited with code "));
    }

    /** A plain KafkaProducer with common-model's serializer, registering its schemas itself as Confluent's does. */
    private final class ExternalProducer implements AutoCloseable {

        private final AvroSerializer<Object> serializer = new AvroSerializer<>();
        private final KafkaProducer<String, Object> producer;
        private int sent;

        ExternalProducer() {
            Map<String, Object> config = Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.endpoints().kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    "schema.registry.url", stack.endpoints().registryUrl().toString());
            serializer.configure(config, false);
            producer = new KafkaProducer<>(config, new StringSerializer(), serializer);
        }

        void sendV1(UrbanSensorReading reading) {
            producer.send(new ProducerRecord<>(TOPIC, reading.getSensorId(), reading));
        }

        void learnV2(UrbanSensorReading reading) {
            serializer.serialize(TOPIC, UrbanReadingV2.of(reading, null));
        }

        void sendV2(UrbanSensorReading reading) {
            producer.send(new ProducerRecord<>(TOPIC, reading.getSensorId(), UrbanReadingV2.of(reading, "3.0." + sent++ % 5)));
        }

        void flush() {
            producer.flush();
        }

        @Override
        public void close() {
            producer.close();
        }
    }
}
