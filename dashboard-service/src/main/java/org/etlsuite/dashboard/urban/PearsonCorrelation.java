package org.etlsuite.dashboard.urban;

import java.util.OptionalDouble;

/**
 * Pearson's correlation coefficient of two equally long series of numbers:
 * {@code r = sum(dx * dy) / sqrt(sum(dx²) * sum(dy²))}, where {@code dx} and {@code dy} are the distances of each
 * value from the mean of its series. The means are taken first and the distances summed after (two passes), which
 * keeps large values such as vehicle counts from cancelling out their own digits.
 */
final class PearsonCorrelation {

    /** Fewer points fit a straight line whatever the data, so no coefficient says anything about them. */
    static final int MINIMUM_POINTS = 3;

    private PearsonCorrelation() {
    }

    /**
     * The coefficient, between -1 and 1; empty for fewer than {@link #MINIMUM_POINTS} points or when a series does
     * not vary (the coefficient is then undefined: 0/0).
     */
    static OptionalDouble of(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("the series differ in length: " + x.length + " and " + y.length);
        }
        int n = x.length;
        if (n < MINIMUM_POINTS) {
            return OptionalDouble.empty();
        }
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double sumXY = 0;
        double sumXX = 0;
        double sumYY = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            sumXY += dx * dy;
            sumXX += dx * dx;
            sumYY += dy * dy;
        }
        if (sumXX == 0 || sumYY == 0) {
            return OptionalDouble.empty();
        }
        // rounding may carry a perfect line a hair beyond ±1
        return OptionalDouble.of(Math.max(-1, Math.min(1, sumXY / Math.sqrt(sumXX * sumYY))));
    }
}
