package org.etlsuite.transformer.urban;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

import org.etlsuite.events.urban.UrbanSensorReadingProcessed;
import org.etlsuite.transformer.kpi.ExactSum;

/**
 * Count and sums of one bucket's readings. Sums are exact ({@link ExactSum}: every double is added
 * with its exact value, no rounding), so a sum (and therefore a mean) does not depend on the order in
 * which readings arrive. That matters because a bucket's readings come from several input partitions,
 * whose partials are added up in an order that differs from run to run; with plain double sums the last
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
        ExactSum avgSpeedKmhSum,
        ExactSum pm25Sum,
        ExactSum pm10Sum,
        ExactSum pollutionIdxSum,
        ExactSum noiseDbSum) {

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
                ExactSum.of(reading.getAvgSpeedKmh()), ExactSum.of(reading.getPm25()), ExactSum.of(reading.getPm10()),
                ExactSum.of(reading.getPollutionIdx()), ExactSum.of(reading.getNoiseDb()));
    }

    /** The aggregate of both sets of readings; associative and commutative. */
    public UrbanHourlyAggregate plus(UrbanHourlyAggregate other) {
        return new UrbanHourlyAggregate(
                Math.addExact(readings, other.readings),
                Math.addExact(vehicleCountSum, other.vehicleCountSum),
                avgSpeedKmhSum.plus(other.avgSpeedKmhSum),
                pm25Sum.plus(other.pm25Sum),
                pm10Sum.plus(other.pm10Sum),
                pollutionIdxSum.plus(other.pollutionIdxSum),
                noiseDbSum.plus(other.noiseDbSum));
    }

    public double meanVehicleCount() {
        return mean(BigDecimal.valueOf(vehicleCountSum));
    }

    public double meanAvgSpeedKmh() {
        return mean(avgSpeedKmhSum.toBigDecimal());
    }

    public double meanPm25() {
        return mean(pm25Sum.toBigDecimal());
    }

    public double meanPm10() {
        return mean(pm10Sum.toBigDecimal());
    }

    public double meanPollutionIdx() {
        return mean(pollutionIdxSum.toBigDecimal());
    }

    public double meanNoiseDb() {
        return mean(noiseDbSum.toBigDecimal());
    }

    /** The exact mean rounded to the nearest double (via 34 significant digits). */
    private double mean(BigDecimal sum) {
        return sum.divide(BigDecimal.valueOf(readings), MEAN_PRECISION).doubleValue();
    }
}
