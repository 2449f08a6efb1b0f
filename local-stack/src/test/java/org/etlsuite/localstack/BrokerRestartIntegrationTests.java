package org.etlsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.model.AvroTrust;
import org.etlsuite.model.Topics;
import org.etlsuite.model.serde.AvroDeserializer;
import org.etlsuite.transformer.CommittedRecords;
import org.etlsuite.transformer.UrbanLoad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker stops and comes back (same log directory, same port) in the middle of a producer-service burst,
 * through the packaged services: the producer's idempotent sends wait and go on, so the burst completes with every
 * event acknowledged, each of them on the topic exactly once (read with read_committed, told apart by event id),
 * and the transformer catches up to KPI files equal to an independent computation from those events.
 *
 * <p>Size: {@code etl.fault.events} events (default 20,000), sent at a pace that makes the burst last about
 * ten seconds whatever its size, so that the broker goes down while it runs.
 */
class BrokerRestartIntegrationTests {

    private static final int EVENTS = Integer.getInteger("etl.fault.events", 20_000);
    private static final double RATE_PER_SECOND = Math.max(1_000, EVENTS / 10.0);
    private static final Duration OUTAGE = Duration.ofSeconds(5);
    private static final String TOPIC = Topics.URBAN_SENSORS;
    private static final String BURST_HEADER = "etl.burst-id";

    @TempDir
    Path data;

    @Test
    void shouldAckEveryEventOnceAndCatchUpExactlyWhenTheBrokerRestartsDuringABurst() throws Exception {
        try (FaultStack stack = FaultStack.start(data, EtlServices.TRANSFORMER, EtlServices.PRODUCER)) {
            URI producer = stack.endpoints().producerUrl();
            HttpResponse<String> accepted = ServiceApi.send("POST", producer.resolve("/api/streams/" + TOPIC + "/bursts"),
                    "{\"events\": " + EVENTS + ", \"ratePerSecond\": " + RATE_PER_SECOND + ", \"seed\": 20260707}");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            URI burst = producer.resolve(accepted.headers().firstValue("Location").orElseThrow());
            String burstId = ServiceApi.json(accepted).get("id").asText();

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> ServiceApi.get(burst).get("acked").asLong() >= EVENTS / 4);
            stack.stopBroker();
            long stopped = System.nanoTime();
            JsonNode down = ServiceApi.get(burst);
            Thread.sleep(OUTAGE.toMillis());
            JsonNode beforeRestart = ServiceApi.get(burst);
            assertThat(beforeRestart.get("state").asText()).as("the burst while the broker is down: %s", beforeRestart).isEqualTo("RUNNING");
            stack.startBroker();
            long restarted = System.nanoTime();

            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                    .until(() -> !ServiceApi.get(burst).get("state").asText().equals("RUNNING"));
            long settled = System.nanoTime();
            JsonNode view = ServiceApi.get(burst);
            long acked = view.get("acked").asLong();
            assertThat(view.get("state").asText()).as("%s", view).isEqualTo("COMPLETED");
            assertThat(acked).as("%s", view).isEqualTo(EVENTS);
            assertThat(view.get("failed").asLong()).as("%s", view).isZero();
            assertThat(view.get("sent").asLong()).as("sent = acked + failed in %s", view).isEqualTo(acked + view.get("failed").asLong());
            assertThat(view.hasNonNull("finishedAt")).as("finishedAt in %s", view).isTrue();

            // Every acked event exactly once on the topic: as many committed records of the burst as acks, all different events.
            List<UrbanSensorReading> readings = burstReadings(stack, burstId);
            assertThat(readings).hasSize((int) acked);
            assertThat(readings.stream().map(reading -> reading.getSensorId() + "|" + reading.getTs()).distinct()).hasSize((int) acked);

            // The streams catch up: every event accepted once, and the file equal to the independent computation.
            Path quality = stack.dataDir().resolve(UrbanLoad.QUALITY_CSV);
            await().atMost(UrbanLoad.await(EVENTS).plusMinutes(1)).pollInterval(Duration.ofMillis(500))
                    .failFast("the transformer exited", () -> !stack.service(EtlServices.TRANSFORMER).isAlive())
                    .until(() -> UrbanLoad.urbanQualityLines(quality).equals(UrbanLoad.expectedQualityLines(acked)));
            long caughtUp = System.nanoTime();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class)
                    .untilAsserted(() -> UrbanLoad.assertAggregatedCsv(stack.dataDir().resolve(UrbanLoad.CSV), readings::forEach));

            System.out.printf("BrokerRestartIntegrationTests: burst of %d events at %.0f/s; broker stopped at %d acked (%d when it was"
                            + " down) for %d ms; burst COMPLETED %d ms after the restart, all %d acked, 0 failed, each once on the topic;"
                            + " KPI files complete %d ms after the restart%n",
                    EVENTS, RATE_PER_SECOND, down.get("acked").asLong(), beforeRestart.get("acked").asLong(),
                    (restarted - stopped) / 1_000_000, (settled - restarted) / 1_000_000, acked, (caughtUp - restarted) / 1_000_000);
        }
    }

    /** The burst's committed records on the topic (picked by their burst header), decoded. */
    private static List<UrbanSensorReading> burstReadings(FaultStack stack, String burstId) {
        AvroTrust.trustGeneratedEvents();
        try (AvroDeserializer<UrbanSensorReading> avro = new AvroDeserializer<>()) {
            avro.configure(Map.of("schema.registry.url", stack.endpoints().registryUrl().toString(), "specific.avro.reader", true), false);
            return CommittedRecords.read(stack.endpoints().kafkaBootstrapServers(), TOPIC).stream()
                    .filter(record -> burstId.equals(header(record, BURST_HEADER)))
                    .map(record -> avro.deserialize(TOPIC, record.value()))
                    .toList();
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
