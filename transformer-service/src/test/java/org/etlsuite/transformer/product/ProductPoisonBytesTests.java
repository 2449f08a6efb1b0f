package org.etlsuite.transformer.product;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.etlsuite.events.product.ProductEvent;
import org.etlsuite.events.product.ProductEventProcessed;
import org.etlsuite.transformer.kpi.StreamTopologyDriver;
import org.etlsuite.transformer.stream.DeadLetterHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Bytes on product-events that are not our Avro land in its DLT untouched, and the events behind them still count. */
class ProductPoisonBytesTests {

    @TempDir
    Path stateDir;

    private StreamTopologyDriver<ProductEvent, ProductEventProcessed> topology;

    @BeforeEach
    void startDriver() {
        topology = TestProductEvents.driver(stateDir);
    }

    @AfterEach
    void closeDriver() {
        topology.close();
    }

    @Test
    void shouldDeadLetterPoisonBytesAsTheyCameAndKeepProcessing() {
        byte[] key = "not-an-event".getBytes(StandardCharsets.UTF_8);
        byte[] badMagic = {7, 0, 0, 0, 1, 42};
        byte[] truncated = {0, 0, 0};
        ProductEvent event = TestProductEvents.purchase();

        topology.sendRaw(key, badMagic);
        topology.sendRaw(key, truncated);
        topology.send(event);

        List<TestRecord<byte[], byte[]>> deadLetters = topology.deadLetters.readRecordsToList();
        assertThat(deadLetters).extracting(TestRecord::value).containsExactly(badMagic, truncated);
        assertThat(deadLetters).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(key);
            assertThat(header(record, DeadLetterHeaders.REASON)).isEqualTo(DeadLetterHeaders.REASON_DESERIALIZATION);
            assertThat(header(record, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("product-events");
        });
        assertThat(topology.processed.readValuesToList()).extracting(ProductEventProcessed::getEventId)
                .containsExactly(event.getEventId());
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
