package org.etlsuite.dashboard.urban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Small series whose coefficients are exact in binary floating point, worked by hand. For x = 1, 2, 3 the distances
 * from the mean are -1, 0, 1 and sum(dx²) = 2.
 */
class PearsonCorrelationTests {

    @Test
    void shouldComputeAModerateCoefficient() {
        // y = 1, 3, 2: dy = -1, 1, 0; sum(dx*dy) = 1, sum(dy²) = 2; r = 1 / sqrt(2 * 2) = 0.5
        assertThat(PearsonCorrelation.of(new double[] {1, 2, 3}, new double[] {1, 3, 2})).hasValue(0.5);
    }

    @Test
    void shouldBeOneForPointsOnARisingLineAndMinusOneOnAFallingOne() {
        // y = 2x: dy = -2, 0, 2; sum(dx*dy) = 4, sum(dy²) = 8; r = 4 / sqrt(2 * 8) = 1
        assertThat(PearsonCorrelation.of(new double[] {1, 2, 3}, new double[] {2, 4, 6})).hasValue(1.0);
        assertThat(PearsonCorrelation.of(new double[] {1, 2, 3}, new double[] {6, 4, 2})).hasValue(-1.0);
    }

    @Test
    void shouldBeZeroWhenYDoesNotFollowX() {
        // y = 1, 0, 1: dy = 1/3, -2/3, 1/3; sum(dx*dy) = -1/3 + 1/3 = 0
        assertThat(PearsonCorrelation.of(new double[] {1, 2, 3}, new double[] {1, 0, 1})).hasValue(0.0);
    }

    @Test
    void shouldGoByDistancesFromTheMeanSoThatLargeValuesKeepTheirDigits() {
        // the series of the first test, shifted by 10^8: same distances, same r
        double shift = 100_000_000;
        assertThat(PearsonCorrelation.of(new double[] {shift + 1, shift + 2, shift + 3}, new double[] {1, 3, 2})).hasValue(0.5);
    }

    @Test
    void shouldHaveNoCoefficientForFewerThanThreePoints() {
        assertThat(PearsonCorrelation.of(new double[] {1, 2}, new double[] {2, 4})).isEmpty();
        assertThat(PearsonCorrelation.of(new double[] {}, new double[] {})).isEmpty();
    }

    @Test
    void shouldHaveNoCoefficientWhenASeriesDoesNotVary() {
        assertThat(PearsonCorrelation.of(new double[] {1, 2, 3}, new double[] {5, 5, 5})).isEmpty();
        assertThat(PearsonCorrelation.of(new double[] {7, 7, 7}, new double[] {1, 2, 3})).isEmpty();
    }

    @Test
    void shouldRefuseSeriesOfDifferentLengths() {
        assertThatThrownBy(() -> PearsonCorrelation.of(new double[] {1, 2, 3}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the series differ in length: 3 and 2");
    }
}
