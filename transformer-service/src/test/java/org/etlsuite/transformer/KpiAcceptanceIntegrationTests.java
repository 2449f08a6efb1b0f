package org.etlsuite.transformer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.etlsuite.transformer.kafkastreams.ApplicationExit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Acceptance of the KPI files through the whole service: 100,000 seeded events per stream (about 5 %
 * dirty, one known defect each, and about 1 % re-sent copies) go through a real KRaft broker into the
 * running transformer (exactly-once Kafka Streams, real PostgreSQL, mock registry); once
 * data_quality.csv accounts for every record sent, every KPI file of the three streams must equal what
 * plain Java computes here from the same events: counts exact, money to the cent, means within 1e-9
 * relative (the urban means exactly the rounded exact mean). The loads and the independent computations
 * are those of {@link AllStreamsLoad}, whose per-stream parts check the same through the production steps
 * called directly ({@code ProductAcceptanceTests}, {@code TransportAcceptanceTests}).
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.properties.schema.registry.url=" + KpiAcceptanceIntegrationTests.REGISTRY,
        "spring.kafka.streams.properties.commit.interval.ms=200",
        "etl.export-interval=500ms",
        "etl.topic-partitions=3"
})
@ExactlyOnceEmbeddedKafka
@DirtiesContext
class KpiAcceptanceIntegrationTests {

    static final String REGISTRY = "mock://kpi-acceptance";
    private static final int RECORDS = 100_000;

    @TempDir
    static Path workDir;

    @DynamicPropertySource
    static void externalResources(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", EmbeddedPostgresHolder::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("etl.data-dir", () -> workDir.resolve("data").toString());
        registry.add("etl.state-dir", () -> workDir.resolve("state").toString());
    }

    @Autowired
    EmbeddedKafkaBroker broker;

    /** Replaced so that a fatal Kafka Streams error fails the test instead of ending the test JVM. */
    @MockitoBean
    ApplicationExit applicationExit;

    @Test
    void shouldWriteEveryKpiFileEqualToAnIndependentComputationFor100kEventsPerStream() throws IOException {
        long started = System.nanoTime();
        AllStreamsLoad.Sent sent = AllStreamsLoad.send(broker.getBrokersAsString(), REGISTRY, RECORDS, UnaryOperator.identity());
        long produced = System.nanoTime();

        Path data = workDir.resolve("data");
        AllStreamsLoad.awaitAccountedFor(data, sent);
        long accounted = System.nanoTime();
        AllStreamsLoad.assertFiles(data, sent);
        long checked = System.nanoTime();
        verifyNoInteractions(applicationExit);
        System.out.printf("KpiAcceptanceIntegrationTests: produced %d records in %d ms; all accounted for in data_quality.csv after %d ms"
                        + " (%.0f records/s end to end); KPI files equal after %d ms%n", 3 * RECORDS, (produced - started) / 1_000_000,
                (accounted - started) / 1_000_000, 3.0 * RECORDS / ((accounted - started) / 1e9), (checked - started) / 1_000_000);
    }
}
