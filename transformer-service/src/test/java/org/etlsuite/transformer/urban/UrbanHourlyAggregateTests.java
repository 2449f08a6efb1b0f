package org.etlsuite.transformer.urban;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.transformer.kpi.ExactSum;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrbanHourlyAggregateTests {

    private static UrbanHourlyAggregate one(int vehicles, double speed, double noise, double pm25, double pm10) {
        return UrbanHourlyAggregate.of(UrbanFeatures.enrich(
                TestReadings.reading("sensor-300", "2026-03-01T08:00:00Z", UrbanLocation.CENTRO, vehicles, speed, noise, pm25, pm10)));
    }

    @Test
    void shouldHoldOneReadingsValuesAsSums() {
        UrbanHourlyAggregate aggregate = one(42, 35.25, 61.5, 12.5, 40.25);

        assertThat(aggregate.readings()).isEqualTo(1);
        assertThat(aggregate.vehicleCountSum()).isEqualTo(42);
        assertThat(aggregate.avgSpeedKmhSum().toBigDecimal()).isEqualByComparingTo("35.25");
        assertThat(aggregate.noiseDbSum().toBigDecimal()).isEqualByComparingTo("61.5");
        assertThat(aggregate.pm25Sum().toBigDecimal()).isEqualByComparingTo("12.5");
        assertThat(aggregate.pm10Sum().toBigDecimal()).isEqualByComparingTo("40.25");
        assertThat(aggregate.meanPollutionIdx()).isEqualTo(23.6);
    }

    @Test
    void shouldAddCountsAndSumsOfBothSides() {
        UrbanHourlyAggregate sum = one(10, 10.5, 40.0, 10.0, 20.0)
                .plus(one(20, 20.25, 50.0, 20.0, 30.0))
                .plus(one(31, 30.0, 63.5, 33.0, 70.0));

        assertThat(sum.readings()).isEqualTo(3);
        assertThat(sum.vehicleCountSum()).isEqualTo(61);
        assertThat(sum.avgSpeedKmhSum().toBigDecimal()).isEqualByComparingTo("60.75");
        assertThat(sum.noiseDbSum().toBigDecimal()).isEqualByComparingTo("153.5");
        assertThat(sum.pm25Sum().toBigDecimal()).isEqualByComparingTo("63");
        assertThat(sum.pm10Sum().toBigDecimal()).isEqualByComparingTo("120");
    }

    @Test
    void shouldComputeMeansAsSumOverCount() {
        UrbanHourlyAggregate sum = one(10, 10.5, 40.0, 10.0, 20.0)
                .plus(one(20, 20.25, 50.0, 20.0, 30.0))
                .plus(one(31, 30.0, 63.5, 33.0, 70.0));

        assertThat(sum.meanVehicleCount()).isEqualTo(61.0 / 3);
        assertThat(sum.meanAvgSpeedKmh()).isEqualTo(20.25);
        assertThat(sum.meanNoiseDb()).isEqualTo(153.5 / 3);
        assertThat(sum.meanPm25()).isEqualTo(21.0);
        assertThat(sum.meanPm10()).isEqualTo(40.0);
        // per-reading indices 14.0, 24.0 and 47.8 (0.6·33 + 0.4·70 in double arithmetic)
        double expectedIdx = new BigDecimal(14.0).add(new BigDecimal(24.0)).add(new BigDecimal(0.6 * 33.0 + 0.4 * 70.0))
                .divide(BigDecimal.valueOf(3), MathContext.DECIMAL128).doubleValue();
        assertThat(sum.meanPollutionIdx()).isEqualTo(expectedIdx);
    }

    @Test
    void shouldGiveTheSameMeanWhateverTheOrderOfReadings() {
        // With plain doubles (0.1 + 0.2) + 0.3 = 0.6000000000000001 but 0.1 + (0.2 + 0.3) = 0.6.
        UrbanHourlyAggregate a = one(1, 0.1, 30.0, 1.0, 5.0);
        UrbanHourlyAggregate b = one(1, 0.2, 30.0, 1.0, 5.0);
        UrbanHourlyAggregate c = one(1, 0.3, 30.0, 1.0, 5.0);

        UrbanHourlyAggregate leftFirst = a.plus(b).plus(c);
        UrbanHourlyAggregate rightFirst = a.plus(b.plus(c));
        UrbanHourlyAggregate reversed = c.plus(b).plus(a);

        assertThat(leftFirst).isEqualTo(rightFirst).isEqualTo(reversed);
        assertThat(leftFirst.meanAvgSpeedKmh()).isEqualTo(0.2);
    }

    @Test
    void shouldKeepExactSumsOverManyReadings() {
        UrbanHourlyAggregate sum = one(200, 0.01, 30.0, 1.0, 5.0);
        for (int i = 1; i < 10_000; i++) {
            sum = sum.plus(one(200, 0.01, 30.0, 1.0, 5.0));
        }

        assertThat(sum.readings()).isEqualTo(10_000);
        assertThat(sum.vehicleCountSum()).isEqualTo(2_000_000);
        assertThat(sum.avgSpeedKmhSum().toBigDecimal()).isEqualByComparingTo(new BigDecimal(0.01).multiply(BigDecimal.valueOf(10_000)));
        assertThat(sum.meanAvgSpeedKmh()).isEqualTo(0.01);
        assertThat(sum.meanVehicleCount()).isEqualTo(200.0);
    }

    @Test
    void shouldRefuseAnEmptyAggregate() {
        assertThatThrownBy(() -> new UrbanHourlyAggregate(0, 0, ExactSum.ZERO, ExactSum.ZERO, ExactSum.ZERO,
                ExactSum.ZERO, ExactSum.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one reading");
    }

    @Test
    void shouldAddEveryFieldIndependently() {
        List<UrbanHourlyAggregate> parts = List.of(one(1, 1.0, 31.0, 2.0, 6.0), one(2, 2.0, 32.0, 3.0, 7.0));
        UrbanHourlyAggregate sum = parts.get(0).plus(parts.get(1));

        assertThat(sum.pm25Sum().toBigDecimal()).isEqualByComparingTo("5");
        assertThat(sum.pm10Sum().toBigDecimal()).isEqualByComparingTo("13");
        assertThat(sum.noiseDbSum().toBigDecimal()).isEqualByComparingTo("63");
        assertThat(sum.avgSpeedKmhSum().toBigDecimal()).isEqualByComparingTo("3");
        assertThat(sum.vehicleCountSum()).isEqualTo(3);
    }
}
