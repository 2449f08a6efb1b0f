package org.etlsuite.dashboard.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.util.List;

import org.etlsuite.dashboard.chart.TimeLine.Point;
import org.etlsuite.dashboard.chart.TimeRange;
import org.etlsuite.dashboard.csv.CsvReader;
import org.junit.jupiter.api.Test;

class RevenueTimelineTests {

    private static RevenueTimeline timeline(String csv) throws IOException {
        return new RevenueTimeline(ProductKpiCsv.revenueHours(CsvReader.parse("revenue_hourly.csv", new StringReader(csv))));
    }

    private static Point point(String start, double revenue) {
        return new Point(LocalDateTime.parse(start), revenue);
    }

    @Test
    void shouldShowEveryHourFromTheFirstPurchaseToTheEndOfTheNewestHourWithNothingSoldAsZero() throws IOException {
        RevenueTimeline.Shown all = timeline(ProductSamples.REVENUE_HOURLY).shown(TimeRange.ALL).orElseThrow();

        assertThat(all.hourly()).isTrue();
        assertThat(all.start()).isEqualTo(LocalDateTime.parse("2025-03-13T08:00"));
        assertThat(all.end()).isEqualTo(LocalDateTime.parse("2025-03-14T09:00"));
        // 08:00 on the 13th to 08:00 on the 14th
        assertThat(all.points()).hasSize(25)
                .startsWith(point("2025-03-13T08:00", 19_000.00), point("2025-03-13T09:00", 9_500.35), point("2025-03-13T10:00", 0))
                .endsWith(point("2025-03-14T07:00", 23_634.95), point("2025-03-14T08:00", 15_000.00));
        assertThat(all.points()).filteredOn(point -> point.value() > 0).hasSize(5);
        assertThat(all.points()).contains(point("2025-03-13T20:00", 28_000.00));
    }

    @Test
    void shouldCountTheLast24HoursBackFromTheEndOfTheNewestHour() throws IOException {
        RevenueTimeline.Shown day = timeline(ProductSamples.REVENUE_HOURLY).shown(TimeRange.LAST_24_HOURS).orElseThrow();

        assertThat(day.hourly()).isTrue();
        assertThat(day.start()).isEqualTo(LocalDateTime.parse("2025-03-13T09:00"));
        assertThat(day.points()).hasSize(24)
                .startsWith(point("2025-03-13T09:00", 9_500.35))
                .endsWith(point("2025-03-14T08:00", 15_000.00))
                .doesNotContain(point("2025-03-13T08:00", 19_000.00));
        assertThat(timeline(ProductSamples.REVENUE_HOURLY).shown(TimeRange.LAST_7_DAYS)).contains(
                timeline(ProductSamples.REVENUE_HOURLY).shown(TimeRange.ALL).orElseThrow());
    }

    @Test
    void shouldSumEachDayWhenTheShownSpanIsLongerThanAWeek() throws IOException {
        RevenueTimeline.Shown all = timeline(ProductSamples.REVENUE_HOURLY_TEN_DAYS).shown(TimeRange.ALL).orElseThrow();

        assertThat(all.hourly()).isFalse();
        assertThat(all.points()).containsExactly(
                point("2025-03-01T00:00", 150.00), point("2025-03-02T00:00", 0), point("2025-03-03T00:00", 0),
                point("2025-03-04T00:00", 300.25), point("2025-03-05T00:00", 0), point("2025-03-06T00:00", 0),
                point("2025-03-07T00:00", 0), point("2025-03-08T00:00", 0), point("2025-03-09T00:00", 0),
                point("2025-03-10T00:00", 30.75));
    }

    @Test
    void shouldKeepHoursForTheLastWeekAndTheLastDayOfALongerFile() throws IOException {
        RevenueTimeline timeline = timeline(ProductSamples.REVENUE_HOURLY_TEN_DAYS);

        RevenueTimeline.Shown week = timeline.shown(TimeRange.LAST_7_DAYS).orElseThrow();
        assertThat(week.hourly()).isTrue();
        assertThat(week.points()).hasSize(168).startsWith(point("2025-03-04T00:00", 300.25)).endsWith(point("2025-03-10T23:00", 20.75));

        RevenueTimeline.Shown day = timeline.shown(TimeRange.LAST_24_HOURS).orElseThrow();
        assertThat(day.points()).hasSize(24).startsWith(point("2025-03-10T00:00", 0))
                .endsWith(point("2025-03-10T22:00", 10.00), point("2025-03-10T23:00", 20.75));
    }

    @Test
    void shouldShowNothingBeforeTheFirstPurchase() throws IOException {
        assertThat(timeline(ProductSamples.REVENUE_HOURLY_HEADER_ONLY).shown(TimeRange.ALL)).isEmpty();
        assertThat(new RevenueTimeline(List.of()).shown(TimeRange.LAST_24_HOURS)).isEmpty();
    }
}
