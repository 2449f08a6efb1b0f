package org.etlsuite.transformer.kpi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExactSumTests {

    @Test
    void shouldHoldTheExactValueOfEveryKindOfDouble() {
        double[] values = {0.0, -0.0, 1.0, 0.1, -12.5, 45.37, 199.99, Double.MIN_VALUE, -Double.MIN_NORMAL, Double.MAX_VALUE, 1e-300, 3e20};
        for (double value : values) {
            assertThat(ExactSum.of(value).toBigDecimal()).as("%s", value).isEqualByComparingTo(new BigDecimal(value));
        }
    }

    @Test
    void shouldAddExactlyLikeDecimalSumsOfTheExactValues() {
        Random random = new Random(7);
        ExactSum binary = ExactSum.ZERO;
        BigDecimal decimal = BigDecimal.ZERO;
        for (int i = 0; i < 10_000; i++) {
            double value = random.nextInt(4) == 0 ? random.nextGaussian() * 1e-5 : Math.round(random.nextDouble(0, 200) * 100) / 100.0;
            binary = binary.plus(ExactSum.of(value));
            decimal = decimal.add(new BigDecimal(value));
        }
        assertThat(binary.toBigDecimal()).isEqualByComparingTo(decimal);
    }

    @Test
    void shouldBeEqualForEqualSumsWhateverTheOrder() {
        ExactSum a = ExactSum.of(0.1);
        ExactSum b = ExactSum.of(0.2);
        ExactSum c = ExactSum.of(0.7);

        assertThat(a.plus(b).plus(c)).isEqualTo(c.plus(a.plus(b))).isEqualTo(b.plus(c).plus(a));
        assertThat(ExactSum.of(0.5).plus(ExactSum.of(0.5))).isEqualTo(ExactSum.of(1.0)).isEqualTo(new ExactSum(BigInteger.ONE, 0));
        assertThat(ExactSum.of(2.5).plus(ExactSum.of(-2.5))).isEqualTo(ExactSum.ZERO);
    }

    @Test
    void shouldConvertBinaryFractionsFromDecimalsAndRefuseOthers() {
        assertThat(ExactSum.of(new BigDecimal("35.25"))).isEqualTo(ExactSum.of(35.25));
        assertThat(ExactSum.of(new BigDecimal("-1200"))).isEqualTo(ExactSum.of(-1200.0));
        assertThat(ExactSum.of(new BigDecimal(0.1))).isEqualTo(ExactSum.of(0.1));
        assertThatThrownBy(() -> ExactSum.of(new BigDecimal("0.1"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a finite binary fraction");
    }

    @Test
    void shouldRefuseWhatIsNotANumber() {
        assertThatThrownBy(() -> ExactSum.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExactSum.of(Double.NEGATIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExactSum(BigInteger.ONE, 1075)).isInstanceOf(IllegalArgumentException.class);
    }
}
