package org.etlsuite.dashboard.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.etlsuite.dashboard.chart.TimeRange;
import org.etlsuite.dashboard.csv.CsvReader;
import org.junit.jupiter.api.Test;

class TransportKpisTests {

    private static TransportKpis sample() throws IOException {
        return TransportKpis.of(
                TransportKpiCsv.summary(CsvReader.parse("summary.csv", new StringReader(TransportSamples.SUMMARY))),
                TransportKpiCsv.daily(CsvReader.parse("daily.csv", new StringReader(TransportSamples.DAILY))),
                TransportKpiCsv.boardingAreas(CsvReader.parse("areas.csv", new StringReader(TransportSamples.BOARDING_AREAS))),
                TransportKpiCsv.routes(CsvReader.parse("routes.csv", new StringReader(TransportSamples.ROUTES))),
                TransportKpiCsv.fares(CsvReader.parse("fares.csv", new StringReader(TransportSamples.FARES))));
    }

    private static TransportKpis overTwoWeeks() throws IOException {
        return TransportKpis.of(Optional.empty(),
                TransportKpiCsv.daily(CsvReader.parse("daily.csv", new StringReader(TransportSamples.DAILY_OVER_TWO_WEEKS))),
                List.of(), List.of(), List.of());
    }

    private static BoardingAreaTrips area(int rank, long trips) {
        return new BoardingAreaTrips(rank, "Area " + rank, trips, trips * 2);
    }

    @Test
    void shouldShowTopFiveBoardingAreasByTrips() throws IOException {
        assertThat(sample().topBoardingAreas()).extracting(BoardingAreaTrips::boardingArea).containsExactly(
                "Centro (Downtown)", "East Zone (Vergel/Kanasín)", "North Zone (Altabrisa/Montejo)",
                "West Zone (Caucel/Juan Pablo II)", "Circuito Route Stop");
    }

    @Test
    void shouldRankBoardingAreasByRankWhateverTheFileOrder() {
        TransportKpis kpis = TransportKpis.of(Optional.empty(), List.of(),
                List.of(area(6, 1), area(2, 50), area(1, 60), area(5, 10), area(3, 40), area(4, 30)), List.of(), List.of());

        assertThat(kpis.topBoardingAreas()).extracting(BoardingAreaTrips::rank).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void shouldListDaysInDateOrder() throws IOException {
        TransportKpis kpis = sample();

        assertThat(kpis.days()).extracting(TransportDay::day).containsExactly(LocalDate.of(2025, 3, 13), LocalDate.of(2025, 3, 14));
        assertThat(kpis.firstDay()).contains(LocalDate.of(2025, 3, 13));
        assertThat(kpis.lastDay()).contains(LocalDate.of(2025, 3, 14));
    }

    @Test
    void shouldTakeTotalsFromTheSummaryFile() throws IOException {
        TransportKpis kpis = sample();

        assertThat(kpis.hasTrips()).isTrue();
        assertThat(kpis.summary()).hasValueSatisfying(summary -> {
            assertThat(summary.totalRevenue()).isEqualTo(new BigDecimal("120000.50"));
            assertThat(summary.totalTrips()).isEqualTo(10_000L);
        });
        assertThat(kpis.passengersPerTrip()).isEqualTo(OptionalDouble.of(21.2345));
    }

    @Test
    void shouldGiveEachAreaItsShareOfAllTrips() throws IOException {
        TransportKpis kpis = sample();

        assertThat(kpis.topBoardingAreas()).extracting(area -> kpis.shareOfTrips(area).orElseThrow())
                .containsExactly(0.35, 0.15, 0.149, 0.148, 0.103);
    }

    @Test
    void shouldHaveNothingToShowWithoutTrips() {
        TransportKpis none = TransportKpis.of(Optional.empty(), List.of(), List.of(), List.of(), List.of());
        TransportKpis zero = TransportKpis.of(
                Optional.of(new TransportSummary(BigDecimal.ZERO, 0, 0, 0, OptionalDouble.empty())), List.of(), List.of(), List.of(), List.of());

        assertThat(none.hasTrips()).isFalse();
        assertThat(zero.hasTrips()).isFalse();
        assertThat(zero.passengersPerTrip()).isEmpty();
        assertThat(none.firstDay()).isEmpty();
        assertThat(none.topBoardingAreas()).isEmpty();
        assertThat(none.days(TimeRange.LAST_24_HOURS)).isEmpty();
        assertThat(none.fareTypes()).isEmpty();
    }

    @Test
    void shouldCountTheTimeRangesBackFromTheEndOfTheNewestDay() throws IOException {
        TransportKpis kpis = overTwoWeeks();

        assertThat(kpis.days(TimeRange.LAST_24_HOURS)).extracting(TransportDay::day).containsExactly(LocalDate.of(2025, 3, 14));
        // from the start of the 8th: the 7th is a day too early
        assertThat(kpis.days(TimeRange.LAST_7_DAYS)).extracting(TransportDay::day)
                .containsExactly(LocalDate.of(2025, 3, 8), LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 14));
        assertThat(kpis.days(TimeRange.ALL)).isEqualTo(kpis.days()).hasSize(5);
    }

    @Test
    void shouldListFareTypesInFileOrderAndPaymentMethodsByName() throws IOException {
        TransportKpis kpis = sample();
        TransportKpis qrFirst = TransportKpis.of(Optional.empty(), List.of(), List.of(), List.of(), List.of(
                new FareTrips("Regular", "QR", 1, BigDecimal.ONE), new FareTrips("Student/Senior/Disability", "Card", 1, BigDecimal.ONE)));

        assertThat(kpis.fareTypes()).containsExactly("Regular", "Student/Senior/Disability");
        assertThat(kpis.paymentMethods()).containsExactly("Card", "QR");
        assertThat(qrFirst.paymentMethods()).containsExactly("Card", "QR");
        assertThat(kpis.routes()).extracting(RouteTypeTrips::routeType).containsExactly(
                "Ie-Tram Corridor", "Suburban/Connecting Route", "Urban/Feeder Route", "Urban/Metropolitan Circuito");
    }
}
