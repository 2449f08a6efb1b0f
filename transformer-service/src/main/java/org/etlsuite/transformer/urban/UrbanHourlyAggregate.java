package org.etlsuite.transformer.urban;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

import org.etlsuite.events.urban.UrbanSensorReadingProcessed;

/**
 * Count and sums of one bucket's readings. Sums are exact: every double is converted to its exact
 * decimal value and added without rounding, so a sum (and therefore a mean) does not depend on the
 * order in which readings arrive. That matters because readings of one bucket come from several
 * input partitions, whose interleaving differs from run to run; with plain double sums the last
 * digits of a mean would too.
 *
 * @param readings        number of readings
 * @param vehicleCountSum sum of vehicle_count
 * @param avgSpeedKmhSum  sum of avg_speed_kmh
 * @param pm25Sum         sum of pm25
 * @param pm10Sum         sum of pm10
 * @param pollutionIdxSum sum of the per-reading pollution_idx
 * @param noiseDbSum      sum of noise_db
 */
public record UrbanHourlyAggregate(
        long readings,
        long vehicleCountSum,
        BigDecimal avgSpeedKmhSum,
        BigDecimal pm25Sum,
        BigDecimal pm10Sum,
        BigDecimal pollutionIdxSum,
        BigDecimal noiseDbSum) {

    /** 34 significant digits before the final rounding to double: far beyond double's 17. */
    private static final MathContext MEAN_PRECISION = MathContext.DECIMAL128;

    public UrbanHourlyAggregate {
        if (readings < 1) {
            throw new IllegalArgumentException("an aggregate covers at least one reading, was " + readings);
        }
        Objects.requireNonNull(avgSpeedKmhSum, "avgSpeedKmhSum");
        Objects.requireNonNull(pm25Sum, "pm25Sum");
        Objects.requireNonNull(pm10Sum, "pm10Sum");
        Objects.requireNonNull(pollutionIdxSum, "pollutionIdxSum");
        Objects.requireNonNull(noiseDbSum, "noiseDbSum");
    }

    /** The aggregate of a single reading. */
    public static UrbanHourlyAggregate of(UrbanSensorReadingProcessed reading) {
        return new UrbanHourlyAggregate(1, reading.getVehicleCount(),
                exact(reading.getAvgSpeedKmh()), exact(reading.getPm25()), exact(reading.getPm10()),
                exact(reading.getPollutionIdx()), exact(reading.getNoiseDb()));
    }

    /** The aggregate of both sets of readings; associative and commutative. */
    public UrbanHourlyAggregate plus(UrbanHourlyAggregate other) {
        return new UrbanHourlyAggregate(
                Math.addExact(readings, other.readings),
                Math.addExact(vehicleCountSum, other.vehicleCountSum),
                avgSpeedKmhSum.add(other.avgSpeedKmhSum),
                pm25Sum.add(other.pm25Sum),
                pm10Sum.add(other.pm10Sum),
                pollutionIdxSum.add(other.pollutionIdxSum),
                noiseDbSum.add(other.noiseDbSum));
    }

    public double meanVehicleCount() {
        return mean(BigDecimal.valueOf(vehicleCountSum));
    }

    public double meanAvgSpeedKmh() {
        return mean(avgSpeedKmhSum);
    }

    public double meanPm25() {
        return mean(pm25Sum);
    }

    public double meanPm10() {
        return mean(pm10Sum);
    }

    public double meanPollutionIdx() {
        return mean(pollutionIdxSum);
    }

    public double meanNoiseDb() {
        return mean(noiseDbSum);
    }

    /** The exact mean rounded to the nearest double (via 34 significant digits). */
    private double mean(BigDecimal sum) {
        return sum.divide(BigDecimal.valueOf(readings), MEAN_PRECISION).doubleValue();
    }

    /** The exact decimal value of a finite double (no rounding, unlike {@link BigDecimal#valueOf(double)}). */
    static BigDecimal exact(double value) {
        return new BigDecimal(value);
    }
}
