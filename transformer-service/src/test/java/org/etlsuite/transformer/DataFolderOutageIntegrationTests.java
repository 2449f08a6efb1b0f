package org.etlsuite.transformer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.etlsuite.transformer.kafkastreams.ApplicationExit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault: the data folder stops taking files while readings keep coming, then works again. The whole service
 * against a real broker and PostgreSQL; the KPI folder {@code processed/} is made unwritable the way that
 * stops root too (the tests run as root, where permissions stop nothing): it is moved aside and a regular
 * file takes its name, so creating the folder, a temporary file in it or a rename into it all fail. That is
 * also what a read-only or vanished mount does to the writer: each write fails before it replaces anything.
 *
 * <p>While it lasts: health is DOWN naming the folder, the readings are still processed (their totals wait in
 * the global stores) and nothing is written into or over the file in the way. Once the folder is back, with
 * the stale files it held, the next round writes the files exactly as they must be for every reading.
 * Size: {@code -Detl.fault.data-folder.readings} readings before and again during the outage (default 2,000).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.properties.schema.registry.url=" + DataFolderOutageIntegrationTests.REGISTRY,
        "spring.kafka.streams.application-id=" + DataFolderOutageIntegrationTests.APPLICATION_ID,
        "spring.kafka.streams.properties.commit.interval.ms=100",
        "etl.export-interval=200ms",
        "etl.export.parquet-interval=1h",
        "etl.topic-partitions=3"
})
@ExactlyOnceEmbeddedKafka
@DirtiesContext
class DataFolderOutageIntegrationTests {

    static final String REGISTRY = "mock://data-folder-outage";
    static final String APPLICATION_ID = "data-folder-outage-test";
    private static final int READINGS = Integer.getInteger("etl.fault.data-folder.readings", 2_000);
    private static final Duration AWAIT = Duration.ofSeconds(120);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path workDir;

    @DynamicPropertySource
    static void externalResources(DynamicPropertyRegistry registry) {
        EmbeddedPostgresHolder.register(registry, "data_folder_outage", workDir.resolve("data"));
    }

    @Autowired
    EmbeddedKafkaBroker broker;

    /** Replaced so that a fatal Kafka Streams error fails the test instead of ending the test JVM. */
    @MockitoBean
    ApplicationExit applicationExit;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldReportTheUnwritableFolderKeepEveryReadingAndWriteExactFilesOnceItIsBack() throws Exception {
        Path data = workDir.resolve("data");
        Path csv = data.resolve(UrbanLoad.CSV);
        Path quality = data.resolve(UrbanLoad.QUALITY_CSV);
        UrbanLoad before = new UrbanLoad(READINGS, 11, Instant.parse("2026-03-02T05:00:00Z"));
        UrbanLoad during = new UrbanLoad(READINGS, 12, Instant.parse("2026-03-05T05:00:00Z"));

        before.produce(broker.getBrokersAsString(), REGISTRY);
        await().atMost(AWAIT).until(() -> UrbanLoad.readingsIn(csv) == READINGS);
        before.assertAggregatedCsv(csv);
        assertThat(health().status()).isEqualTo(200);
        assertThat(health().body().at("/status").asText()).isEqualTo("UP");

        // processed/ becomes a regular file; its old content waits beside it
        Path processed = data.resolve("processed");
        Path aside = data.resolve("processed.aside");
        Files.move(processed, aside);
        Files.writeString(processed, "in the way\n");
        Instant broken = Instant.now();

        Health down = health();
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.body().at("/status").asText()).isEqualTo("DOWN");
        assertThat(down.body().at("/details/error").asText()).startsWith("cannot write to " + processed.toAbsolutePath().normalize() + ": ");
        assertThat(down.body().at("/details/folders/processed").asText()).contains("FileAlreadyExistsException");
        assertThat(down.body().at("/details/folders/raw").asText()).as("%s", down.body()).isEqualTo("writable");

        during.produce(broker.getBrokersAsString(), REGISTRY);
        // every reading processed (its totals in the stores), and a few export rounds tried to write them
        await().atMost(AWAIT).until(() -> committedInput() == 2L * READINGS);
        Thread.sleep(1_000);
        assertThat(health().body().at("/status").asText()).isEqualTo("DOWN");
        assertThat(Files.readString(processed)).as("nothing written over the file in the way").isEqualTo("in the way\n");
        assertThat(UrbanLoad.readingsIn(aside.resolve("urban_sensors_processed_aggregated.csv")))
                .as("the moved folder is not written either").isEqualTo(READINGS);

        // the folder comes back, holding the files of before the outage
        Files.delete(processed);
        Files.move(aside, processed);
        Instant repaired = Instant.now();
        await().atMost(AWAIT).until(() -> UrbanLoad.readingsIn(csv) == 2L * READINGS);
        Instant exact = Instant.now();

        UrbanLoad.assertAggregatedCsv(csv, reading -> {
            before.forEach(reading);
            during.forEach(reading);
        });
        assertThat(UrbanLoad.urbanQualityLines(quality).getFirst()).isEqualTo("urban-sensors,accepted,," + 2 * READINGS);
        assertThat(health().body().at("/status").asText()).isEqualTo("UP");
        try (Stream<Path> files = Files.walk(data)) {
            assertThat(files.filter(file -> file.getFileName().toString().endsWith(".tmp")).toList())
                    .as("no temporary file left by the failed writes").isEmpty();
        }
        System.out.printf("data folder outage: %d readings before, %d while processed/ was a regular file for %d ms; "
                        + "health DOWN naming it; files exact %d ms after it came back%n", READINGS, READINGS,
                Duration.between(broken, repaired).toMillis(), Duration.between(repaired, exact).toMillis());
    }

    private record Health(int status, JsonNode body) {
    }

    private Health health() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        // the details (the data folder's component) show only to the API user
                        .header("Authorization", TestCredentials.authorization()).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        return new Health(response.statusCode(), body.at("/components/dataFolder"));
    }

    /** Offsets of urban-sensors the application committed, summed over the partitions: records processed. */
    private long committedInput() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(APPLICATION_ID)
                    .partitionsToOffsetAndMetadata().get();
            return committed.entrySet().stream()
                    .filter(entry -> entry.getKey().topic().equals("urban-sensors") && entry.getValue() != null)
                    .mapToLong(entry -> entry.getValue().offset())
                    .sum();
        }
    }
}
