package org.etlsuite.transformer.kpi;

import java.math.BigDecimal;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TallyTests {

    private final TallySerde serde = new TallySerde();

    @Test
    void shouldAddCountsUnitsAndAmountsExactly() {
        Tally sum = Tally.of(3, new BigDecimal("0.10")).plus(Tally.of(4, new BigDecimal("0.20"))).plus(new Tally(2, 0, new BigDecimal("12.00")));

        assertThat(sum).isEqualTo(new Tally(4, 7, new BigDecimal("12.30")));
        assertThat(sum.meanUnits()).isEqualTo(1.75);
    }

    @Test
    void shouldRoundARatioToTheNearestDouble() {
        assertThat(Tally.ratio(2, 3)).isEqualTo(2.0 / 3);
        assertThat(Tally.ratio(109, 3)).isEqualTo(109.0 / 3);
        assertThatThrownBy(() -> Tally.ratio(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseOverflowInsteadOfWrapping() {
        assertThatThrownBy(() -> new Tally(Long.MAX_VALUE, 0, BigDecimal.ZERO).plus(Tally.of(0, BigDecimal.ZERO)))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void shouldRoundTripThroughTheSerde() {
        Tally tally = new Tally(123_456_789_012L, -5, new BigDecimal("98765432109876.54"));
        byte[] bytes = serde.serializer().serialize("t", tally);

        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(tally);
        assertThat(bytes[0]).isEqualTo((byte) 1);
    }

    @Test
    void shouldRejectUnknownVersionsAndTruncatedBytes() {
        byte[] bytes = serde.serializer().serialize("t", Tally.of(1, new BigDecimal("1.00")));
        byte[] future = bytes.clone();
        future[0] = 2;

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", future)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("version 2");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", java.util.Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(SerializationException.class);
    }
}
