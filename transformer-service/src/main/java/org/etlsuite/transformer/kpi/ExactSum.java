package org.etlsuite.transformer.kpi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The exact sum of finite doubles, kept in binary fixed point: {@code units × 2^-scale}. Every finite
 * double is such a number (its significand times a power of two), so sums are exact and do not depend
 * on the order in which values arrive, as with {@code new BigDecimal(double)}, but without the decimal
 * expansion: adding a value is a shift and an integer addition of a few words, where the decimal form
 * multiplies by powers of five and ten on every value. Normalised (odd {@code units} or scale 0), so
 * equal sums are equal records.
 *
 * @param units the sum times {@code 2^scale}
 * @param scale binary digits after the point, 0 to 1074 (the smallest double is 2^-1074)
 */
public record ExactSum(BigInteger units, int scale) {

    public static final ExactSum ZERO = new ExactSum(BigInteger.ZERO, 0);

    private static final int MAX_SCALE = 1074;
    private static final int SIGNIFICAND_BITS = 52;
    private static final long SIGNIFICAND_MASK = (1L << SIGNIFICAND_BITS) - 1;
    private static final int EXPONENT_BIAS = 1075;
    private static final BigInteger FIVE = BigInteger.valueOf(5);

    public ExactSum {
        Objects.requireNonNull(units, "units");
        if (scale < 0 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale must be 0.." + MAX_SCALE + ", was " + scale);
        }
        if (units.signum() == 0) {
            scale = 0;
        } else if (scale > 0) {
            int shift = Math.min(units.getLowestSetBit(), scale);
            if (shift > 0) {
                units = units.shiftRight(shift);
                scale -= shift;
            }
        }
    }

    /** The exact value of a finite double. */
    public static ExactSum of(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        long bits = Double.doubleToRawLongBits(value);
        int exponent = (int) ((bits >>> SIGNIFICAND_BITS) & 0x7ff);
        long significand = bits & SIGNIFICAND_MASK;
        if (exponent == 0) {
            exponent = 1; // subnormal: no implicit leading bit
        } else {
            significand |= 1L << SIGNIFICAND_BITS;
        }
        if (significand == 0) {
            return ZERO;
        }
        // value = ±significand × 2^(exponent - 1075)
        int power = exponent - EXPONENT_BIAS;
        BigInteger units = BigInteger.valueOf(bits < 0 ? -significand : significand);
        return power >= 0 ? new ExactSum(units.shiftLeft(power), 0) : new ExactSum(units, -power);
    }

    /** The exact value of a decimal that is a finite binary fraction (any integer, 0.5, 12.25, or a double's exact value). */
    public static ExactSum of(BigDecimal value) {
        BigDecimal remaining = value.stripTrailingZeros();
        if (remaining.scale() <= 0) {
            return new ExactSum(remaining.toBigIntegerExact(), 0);
        }
        // value = unscaled / 10^s = unscaled / (5^s × 2^s): exact in binary iff 5^s divides unscaled
        int s = remaining.scale();
        BigInteger[] quotient = remaining.unscaledValue().divideAndRemainder(FIVE.pow(s));
        if (quotient[1].signum() != 0) {
            throw new IllegalArgumentException(value + " is not a finite binary fraction");
        }
        return new ExactSum(quotient[0], s);
    }

    /** The exact sum of both. */
    public ExactSum plus(ExactSum other) {
        if (scale == other.scale) {
            return new ExactSum(units.add(other.units), scale);
        }
        return scale > other.scale
                ? new ExactSum(units.add(other.units.shiftLeft(scale - other.scale)), scale)
                : new ExactSum(units.shiftLeft(other.scale - scale).add(other.units), other.scale);
    }

    /** The same number as an exact decimal: units × 2^-scale = units × 5^scale / 10^scale. */
    public BigDecimal toBigDecimal() {
        return scale == 0 ? new BigDecimal(units) : new BigDecimal(units.multiply(FIVE.pow(scale)), scale);
    }
}
