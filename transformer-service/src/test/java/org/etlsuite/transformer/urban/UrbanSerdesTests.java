package org.etlsuite.transformer.urban;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

import org.apache.kafka.common.errors.SerializationException;
import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.transformer.kpi.ExactSum;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrbanSerdesTests {

    private final UrbanBucketSerde bucketSerde = new UrbanBucketSerde();
    private static final ExactSum ONE = ExactSum.of(1.0);
    private final UrbanHourlyAggregateSerde aggregateSerde = new UrbanHourlyAggregateSerde();

    @Test
    void shouldWriteBucketAsReadableFixedWidthText() {
        byte[] bytes = bucketSerde.serializer().serialize("t", new UrbanBucket(UrbanLocation.EMILIANO_ZAPATA, LocalDate.of(2026, 3, 1), 7));

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("EMILIANO_ZAPATA|2026-03-01|07");
    }

    @Test
    void shouldReadBackTheSameBucket() {
        UrbanBucket bucket = new UrbanBucket(UrbanLocation.ALTABRISA, LocalDate.of(2026, 12, 31), 23);

        UrbanBucket read = bucketSerde.deserializer().deserialize("t", bucketSerde.serializer().serialize("t", bucket));

        assertThat(read).isEqualTo(bucket);
    }

    @Test
    void shouldRejectMalformedBucketKey() {
        assertThatThrownBy(() -> bucketSerde.deserializer().deserialize("t", "CENTRO|2026-03-01".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("CENTRO|2026-03-01");
        assertThatThrownBy(() -> bucketSerde.deserializer().deserialize("t", "NOWHERE|2026-03-01|01".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> bucketSerde.deserializer().deserialize("t", "CENTRO|2026-03-01|24".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void shouldPassNullsThroughForTombstones() {
        assertThat(bucketSerde.serializer().serialize("t", null)).isNull();
        assertThat(bucketSerde.deserializer().deserialize("t", null)).isNull();
        assertThat(aggregateSerde.serializer().serialize("t", null)).isNull();
        assertThat(aggregateSerde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void shouldReadBackExactlyTheSameSums() {
        UrbanHourlyAggregate aggregate = new UrbanHourlyAggregate(3_000, 301_234, ExactSum.of(new BigDecimal(0.1).multiply(BigDecimal.TEN)),
                ExactSum.of(new BigDecimal("-12.5")), ExactSum.ZERO, ExactSum.of(57.70400000000001),
                ExactSum.of(new BigDecimal("123456789012345678901234567890.125")));

        UrbanHourlyAggregate read = aggregateSerde.deserializer().deserialize("t", aggregateSerde.serializer().serialize("t", aggregate));

        assertThat(read).isEqualTo(aggregate);
    }

    @Test
    void shouldStartWithFormatVersionThenCountAndVehicleSum() {
        UrbanHourlyAggregate aggregate = new UrbanHourlyAggregate(2, 5, ONE, ONE, ONE, ONE, ONE);

        byte[] bytes = aggregateSerde.serializer().serialize("t", aggregate);

        // version, two longs, then five binary sums of scale (4) + length (4) + one byte
        assertThat(bytes).hasSize(1 + 8 + 8 + 5 * 9);
        assertThat(bytes[0]).isEqualTo((byte) 2);
        assertThat(bytes[8]).isEqualTo((byte) 2);
        assertThat(bytes[16]).isEqualTo((byte) 5);
    }

    @Test
    void shouldRejectUnknownFormatVersion() {
        byte[] bytes = aggregateSerde.serializer().serialize("t", new UrbanHourlyAggregate(1, 1, ONE, ONE, ONE, ONE, ONE));
        bytes[0] = 9;

        assertThatThrownBy(() -> aggregateSerde.deserializer().deserialize("topic-x", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("version 9")
                .hasMessageContaining("topic-x");
    }

    @Test
    void shouldRejectTruncatedAggregate() {
        byte[] bytes = aggregateSerde.serializer().serialize("t", new UrbanHourlyAggregate(1, 1, ONE, ONE, ONE, ONE, ONE));
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 3);

        assertThatThrownBy(() -> aggregateSerde.deserializer().deserialize("t", truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Truncated or corrupt");
    }
}
