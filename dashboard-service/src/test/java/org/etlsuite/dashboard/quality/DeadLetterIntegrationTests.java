package org.etlsuite.dashboard.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.etlsuite.dashboard.page.DashboardMvcTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

/**
 * The dead letters of the data-quality page, read from a real KRaft broker that the test writes them to as the
 * transformer does: in transactions (one of them aborted, which the page must not show), with the transformer's
 * headers. Two of the three dead-letter topics exist; the page shows three letters per topic.
 */
@WebMvcTest(QualityController.class)
@Import({QualityDashboardService.class, DeadLetterService.class, DeadLetterReader.class})
// the broker's address in a property of its own: the default, spring.kafka.bootstrap-servers, is set as a system
// property for as long as the broker runs, which would point every later test of the JVM at it
@EmbeddedKafka(partitions = 2, topics = {"urban-sensors.DLT", "product-events.DLT"},
        bootstrapServersProperty = "spring.embedded.kafka.brokers", brokerProperties = {
        "group.initial.rebalance.delay.ms=0",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "offsets.topic.replication.factor=1"
})
@TestPropertySource(properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "etl.dashboard.dead-letters=3"})
class DeadLetterIntegrationTests extends DashboardMvcTestSupport {

    private static final Instant WRITTEN = Instant.parse("2025-03-14T09:30:00Z");

    @Autowired
    EmbeddedKafkaBroker broker;

    @Override
    protected List<String> dataFiles() {
        return List.of();
    }

    @Test
    void shouldShowTheLatestCommittedDeadLettersOfEachStreamWithReasonsSourceAndHex() {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 4; i++) {
                producer.send(quality("urban-sensors.DLT", 0, i, "pm25-range", new byte[] {0x00, 0x00, 0x00, 0x00, 0x01, (byte) i}));
            }
            producer.send(deserialization("product-events.DLT", 1, 10, new byte[40]));
            producer.commitTransaction();

            producer.beginTransaction();
            producer.send(quality("urban-sensors.DLT", 0, 9, "aborted-rule", new byte[] {0x7f}));
            producer.flush();
            producer.abortTransaction();
        }

        assertThat(mvc.get().uri("/quality")).hasStatusOk()
                .bodyText()
                .doesNotContain("The dead letters could not be read")
                .contains("The last 3 records of each dead-letter topic, newest first")
                .containsSubsequence("id=\"dlt-product-events.DLT\"",
                        "<td>partition 1 offset 0</td>",
                        "<td>2025-03-14 09:30:10 UTC</td>",
                        "<div class=\"small\">etl.dlt.reason: deserialization</div>",
                        "<div class=\"small\">etl.dlt.error: bad-magic-byte</div>",
                        "<div class=\"small\">etl.dlt.exception.class: org.example.BadMagicByte</div>",
                        "<td>product-events partition 1 offset 10</td>",
                        "<code>" + "00 ".repeat(31) + "00 …</code> <span class=\"small muted\">(40 bytes)</span>",
                        "id=\"dlt-transportation-stats.DLT\"",
                        "No dead letters.",
                        "id=\"dlt-urban-sensors.DLT\"",
                        "<td>partition 0 offset 3</td>", "<td>2025-03-14 09:30:03 UTC</td>",
                        "<div class=\"small\">etl.dlt.reason: quality</div>", "<div class=\"small\">etl.dlt.rule: pm25-range</div>",
                        "<td>urban-sensors partition 0 offset 3</td>",
                        "<code>00 00 00 00 01 03</code> <span class=\"small muted\">(6 bytes)</span>",
                        "<td>partition 0 offset 2</td>", "<code>00 00 00 00 01 02</code>",
                        "<td>partition 0 offset 1</td>", "<code>00 00 00 00 01 01</code>")
                .doesNotContain("<td>partition 0 offset 0</td>")
                .doesNotContain("aborted-rule");
    }

    private KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "dead-letter-test",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** A dead letter of a rule, at second {@code second} after {@link #WRITTEN}, read from offset {@code second}. */
    private static ProducerRecord<byte[], byte[]> quality(String topic, int partition, int second, String rule, byte[] value) {
        RecordHeaders headers = source(topic, partition, second);
        headers.add(DeadLetterHeaders.REASON, text("quality"));
        headers.add(DeadLetterHeaders.RULE, text(rule));
        return new ProducerRecord<>(topic, partition, WRITTEN.plusSeconds(second).toEpochMilli(), text("key"), value, headers);
    }

    private static ProducerRecord<byte[], byte[]> deserialization(String topic, int partition, int second, byte[] value) {
        RecordHeaders headers = source(topic, partition, second);
        headers.add(DeadLetterHeaders.REASON, text("deserialization"));
        headers.add(DeadLetterHeaders.ERROR, text("bad-magic-byte"));
        headers.add(DeadLetterHeaders.EXCEPTION_CLASS, text("org.example.BadMagicByte"));
        return new ProducerRecord<>(topic, partition, WRITTEN.plusSeconds(second).toEpochMilli(), null, value, headers);
    }

    private static RecordHeaders source(String topic, int partition, int offset) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", text("00-original-header"));
        headers.add(DeadLetterHeaders.SOURCE_TOPIC, text(topic.substring(0, topic.length() - DeadLetterHeaders.TOPIC_SUFFIX.length())));
        headers.add(DeadLetterHeaders.SOURCE_PARTITION, text(Integer.toString(partition)));
        headers.add(DeadLetterHeaders.SOURCE_OFFSET, text(Integer.toString(offset)));
        return headers;
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
