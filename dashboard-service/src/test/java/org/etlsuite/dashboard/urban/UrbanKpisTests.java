package org.etlsuite.dashboard.urban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.OptionalDouble;

import org.etlsuite.dashboard.csv.CsvReader;
import org.etlsuite.dashboard.chart.TimeRange;
import org.etlsuite.dashboard.urban.UrbanKpis.Bucket;
import org.etlsuite.dashboard.urban.UrbanKpis.ZoneBuckets;
import org.etlsuite.dashboard.urban.UrbanKpis.ZoneNoise;
import org.junit.jupiter.api.Test;

class UrbanKpisTests {

    private static UrbanKpis sample() throws IOException {
        return UrbanKpis.of(UrbanAggregateCsv.rows(CsvReader.parse("sample.csv", new StringReader(UrbanSamples.SAMPLE))));
    }

    private static UrbanAggregate row(String location, long readings, double pollutionIdx, double noiseDb) {
        return new UrbanAggregate(location, LocalDate.of(2025, 3, 13), 7, readings, 100, 30, 10, 20, pollutionIdx, noiseDb);
    }

    private static UrbanAggregate at(LocalDate day, int hour, long readings, double vehicleCount, double pollutionIdx) {
        return new UrbanAggregate("Centro", day, hour, readings, vehicleCount, 30, 10, 20, pollutionIdx, 60);
    }

    /** An hour of the sample's month, 2025-03. */
    private static LocalDateTime hour(int day, int hour) {
        return LocalDate.of(2025, 3, day).atTime(hour, 0);
    }

    private static UrbanAggregate traffic(double vehicleCount, double pollutionIdx) {
        return new UrbanAggregate("Centro", LocalDate.of(2025, 3, 13), 7, 10, vehicleCount, 30, 10, 20, pollutionIdx, 60);
    }

    @Test
    void shouldWeightAveragePollutionIndexByReadings() throws IOException {
        assertThat(sample().averagePollutionIndex()).isEqualTo(OptionalDouble.of(37.75));
    }

    @Test
    void shouldSumReadings() throws IOException {
        assertThat(sample().totalReadings()).isEqualTo(16_000L);
    }

    @Test
    void shouldListZonesAlphabetically() throws IOException {
        assertThat(sample().zones()).containsExactly("Centro", "Emiliano Zapata", "Kanasin");
    }

    @Test
    void shouldWeightMeanNoisePerZoneByReadings() throws IOException {
        assertThat(sample().meanNoiseByZone()).containsExactly(
                new ZoneNoise("Centro", 64.5, 4000),
                new ZoneNoise("Emiliano Zapata", 71.25, 4000),
                new ZoneNoise("Kanasin", 55.25, 8000));
    }

    @Test
    void shouldNameLoudestZoneInInsightRoundedToOneDecimal() throws IOException {
        UrbanKpis kpis = sample();

        assertThat(kpis.loudestZone()).contains(new ZoneNoise("Emiliano Zapata", 71.25, 4000));
        assertThat(kpis.insight()).contains("Emiliano Zapata is the loudest zone with a mean of 71.3 dB.");
    }

    @Test
    void shouldRelateTrafficToPollutionOverTheRowsOfTheSample() throws IOException {
        // means 100.1 and 36.4; sum(dx*dy) = 1785.8, sum(dx²) = 5020.2, sum(dy²) = 1171.2: r = 0.7365, unweighted
        UrbanKpis kpis = sample();

        assertThat(kpis.trafficPollutionCorrelation().orElseThrow()).isCloseTo(0.7365, within(0.0001));
        assertThat(kpis.trafficPollutionInsight())
                .isEqualTo("Vehicle count and pollution index show a moderate positive correlation (r = 0.74) over 5 hourly buckets.");
    }

    @Test
    void shouldWordTheCorrelationOfHandWorkedRows() {
        // x = 1, 2, 3 and y = 1, 3, 2: r = 1 / sqrt(2 * 2) = 0.5; y = 6, 4, 2 lies on a falling line: r = -1
        UrbanKpis rising = UrbanKpis.of(List.of(traffic(1, 1), traffic(2, 3), traffic(3, 2)));
        UrbanKpis falling = UrbanKpis.of(List.of(traffic(1, 6), traffic(2, 4), traffic(3, 2)));

        assertThat(rising.trafficPollutionCorrelation()).hasValue(0.5);
        assertThat(rising.trafficPollutionInsight())
                .isEqualTo("Vehicle count and pollution index show a moderate positive correlation (r = 0.50) over 3 hourly buckets.");
        assertThat(falling.trafficPollutionInsight())
                .isEqualTo("Vehicle count and pollution index show a strong negative correlation (r = -1.00) over 3 hourly buckets.");
    }

    @Test
    void shouldWordTheCorrelationByItsSizeAsPrinted() {
        assertThat(UrbanKpis.trafficPollutionSentence(OptionalDouble.of(0.194), 40))
                .isEqualTo("Vehicle count and pollution index show no clear link (r = 0.19) over 40 hourly buckets.");
        assertThat(UrbanKpis.trafficPollutionSentence(OptionalDouble.of(-0.001), 40))
                .isEqualTo("Vehicle count and pollution index show no clear link (r = 0.00) over 40 hourly buckets.");
        // shown as 0.20, so weak rather than no clear link
        assertThat(UrbanKpis.trafficPollutionSentence(OptionalDouble.of(0.1996), 40))
                .isEqualTo("Vehicle count and pollution index show a weak positive correlation (r = 0.20) over 40 hourly buckets.");
        assertThat(UrbanKpis.trafficPollutionSentence(OptionalDouble.of(-0.49), 40))
                .isEqualTo("Vehicle count and pollution index show a weak negative correlation (r = -0.49) over 40 hourly buckets.");
        assertThat(UrbanKpis.trafficPollutionSentence(OptionalDouble.of(-0.5), 40))
                .isEqualTo("Vehicle count and pollution index show a moderate negative correlation (r = -0.50) over 40 hourly buckets.");
        assertThat(UrbanKpis.trafficPollutionSentence(OptionalDouble.of(0.79), 40))
                .isEqualTo("Vehicle count and pollution index show a moderate positive correlation (r = 0.79) over 40 hourly buckets.");
        assertThat(UrbanKpis.trafficPollutionSentence(OptionalDouble.of(0.8), 40))
                .isEqualTo("Vehicle count and pollution index show a strong positive correlation (r = 0.80) over 40 hourly buckets.");
    }

    @Test
    void shouldSayThereIsNotEnoughDataForFewerThanThreeRowsOrAColumnThatDoesNotVary() {
        String notEnough = "There is not enough data yet to relate vehicle count to pollution index: it takes at least 3 hourly buckets"
                + " in which both vary.";

        assertThat(UrbanKpis.of(List.of(traffic(1, 1), traffic(2, 3))).trafficPollutionInsight()).isEqualTo(notEnough);
        assertThat(UrbanKpis.of(List.of(traffic(1, 5), traffic(2, 5), traffic(3, 5))).trafficPollutionInsight()).isEqualTo(notEnough);
        assertThat(UrbanKpis.of(List.of()).trafficPollutionCorrelation()).isEmpty();
    }

    @Test
    void shouldGiveOneBucketPerRowGroupedByZoneInTimeOrderOverAFewDays() throws IOException {
        assertThat(sample().byZone(TimeRange.ALL, null)).containsExactly(
                new ZoneBuckets("Centro", List.of(new Bucket(hour(13, 7), 120.5, 48.0), new Bucket(hour(13, 8), 80.0, 24.0))),
                new ZoneBuckets("Emiliano Zapata", List.of(new Bucket(hour(13, 7), 150.0, 58.0), new Bucket(hour(14, 17), 90.0, 16.0))),
                new ZoneBuckets("Kanasin", List.of(new Bucket(hour(14, 18), 60.0, 36.0))));
        assertThat(sample().showsHours(TimeRange.ALL)).isTrue();
    }

    @Test
    void shouldKeepOneZoneAndTheLast24HoursOfDataCountedBackFromItsNewestHour() throws IOException {
        UrbanKpis kpis = sample();

        // the newest hour is 2025-03-14 18:00, so the range starts at 2025-03-13 19:00
        assertThat(kpis.end()).isEqualTo(hour(14, 19));
        assertThat(kpis.byZone(TimeRange.LAST_24_HOURS, null)).containsExactly(
                new ZoneBuckets("Centro", List.of()),
                new ZoneBuckets("Emiliano Zapata", List.of(new Bucket(hour(14, 17), 90.0, 16.0))),
                new ZoneBuckets("Kanasin", List.of(new Bucket(hour(14, 18), 60.0, 36.0))));
        assertThat(kpis.byZone(TimeRange.LAST_7_DAYS, "Centro")).containsExactly(
                new ZoneBuckets("Centro", List.of(new Bucket(hour(13, 7), 120.5, 48.0), new Bucket(hour(13, 8), 80.0, 24.0))));
        assertThat(kpis.firstShown(TimeRange.LAST_24_HOURS)).contains(hour(14, 17));
    }

    @Test
    void shouldAverageEachZonesDayWeightedByReadingsOnceTheRowsSpanMoreThanAWeek() {
        // 2025-03-01 07:00 and 08:00, then 2025-03-09 07:00: eight days and one hour
        UrbanKpis kpis = UrbanKpis.of(List.of(
                at(LocalDate.of(2025, 3, 1), 7, 3, 100.0, 40.0),
                at(LocalDate.of(2025, 3, 1), 8, 1, 60.0, 20.0),
                at(LocalDate.of(2025, 3, 9), 7, 2, 50.0, 10.0)));

        assertThat(kpis.showsHours(TimeRange.ALL)).isFalse();
        // (100*3 + 60*1) / 4 = 90 and (40*3 + 20*1) / 4 = 35
        assertThat(kpis.byZone(TimeRange.ALL, null)).containsExactly(new ZoneBuckets("Centro", List.of(
                new Bucket(LocalDate.of(2025, 3, 1).atStartOfDay(), 90.0, 35.0),
                new Bucket(LocalDate.of(2025, 3, 9).atStartOfDay(), 50.0, 10.0))));
        assertThat(kpis.showsHours(TimeRange.LAST_7_DAYS)).isTrue();
        assertThat(kpis.byZone(TimeRange.LAST_7_DAYS, null)).containsExactly(new ZoneBuckets("Centro", List.of(
                new Bucket(LocalDate.of(2025, 3, 9).atTime(7, 0), 50.0, 10.0))));
    }

    @Test
    void shouldSpanFirstToLastDay() throws IOException {
        UrbanKpis kpis = sample();

        assertThat(kpis.firstDay()).contains(LocalDate.of(2025, 3, 13));
        assertThat(kpis.lastDay()).contains(LocalDate.of(2025, 3, 14));
    }

    @Test
    void shouldBreakNoiseTiesAlphabetically() {
        UrbanKpis kpis = UrbanKpis.of(List.of(row("Caucel", 5, 10, 66.0), row("Altabrisa", 1, 10, 66.0), row("Centro", 2, 10, 50.0)));

        assertThat(kpis.insight()).contains("Altabrisa is the loudest zone with a mean of 66.0 dB.");
    }

    @Test
    void shouldHaveNoAverageNorInsightWithoutRows() {
        UrbanKpis kpis = UrbanKpis.of(List.of());

        assertThat(kpis.hasReadings()).isFalse();
        assertThat(kpis.averagePollutionIndex()).isEmpty();
        assertThat(kpis.insight()).isEmpty();
        assertThat(kpis.zones()).isEmpty();
        assertThat(kpis.byZone(TimeRange.ALL, null)).isEmpty();
        assertThat(kpis.end()).isNull();
    }

    @Test
    void shouldLeaveRowsWithoutReadingsOutOfWeightedMeans() {
        UrbanKpis kpis = UrbanKpis.of(List.of(row("Centro", 4, 30.0, 60.0), row("Caucel", 0, 90.0, 99.0)));

        assertThat(kpis.averagePollutionIndex()).isEqualTo(OptionalDouble.of(30.0));
        assertThat(kpis.meanNoiseByZone()).containsExactly(new ZoneNoise("Centro", 60.0, 4));
        assertThat(kpis.zones()).containsExactly("Caucel", "Centro");
    }

}
