package org.etlsuite.transformer.kpi;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * The exact running totals behind one KPI cell: how many events, the sum of one integer quantity
 * (passengers, minutes, ...) and the sum of one money amount. Every sum is exact (longs with overflow
 * checks, decimals without rounding), so a total does not depend on the order in which events from
 * several partitions arrive; means and ratios are computed from the sums only when a file is written.
 *
 * @param count  number of events
 * @param units  sum of the integer quantity the KPI tracks (0 when it tracks none)
 * @param amount sum of the money amount the KPI tracks (0 when it tracks none)
 */
public record Tally(long count, long units, BigDecimal amount) {

    /** 34 significant digits before the final rounding to double: far beyond double's 17. */
    private static final MathContext RATIO_PRECISION = MathContext.DECIMAL128;

    public Tally {
        if (count < 1) {
            throw new IllegalArgumentException("a tally covers at least one event, was " + count);
        }
        Objects.requireNonNull(amount, "amount");
    }

    /** The tally of one event. */
    public static Tally of(long units, BigDecimal amount) {
        return new Tally(1, units, amount);
    }

    /** The tally of both sets of events; associative and commutative. */
    public Tally plus(Tally other) {
        return new Tally(Math.addExact(count, other.count), Math.addExact(units, other.units), amount.add(other.amount));
    }

    /** Mean units per event: the exact quotient rounded to the nearest double (via 34 significant digits). */
    public double meanUnits() {
        return ratio(units, count);
    }

    /** {@code numerator / denominator} rounded to the nearest double; the denominator must be positive. */
    public static double ratio(long numerator, long denominator) {
        if (denominator <= 0) {
            throw new IllegalArgumentException("denominator must be positive, was " + denominator);
        }
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), RATIO_PRECISION).doubleValue();
    }
}
