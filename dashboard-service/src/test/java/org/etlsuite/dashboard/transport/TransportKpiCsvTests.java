package org.etlsuite.dashboard.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.OptionalDouble;

import org.etlsuite.dashboard.csv.CsvFormatException;
import org.etlsuite.dashboard.csv.CsvReader;
import org.etlsuite.dashboard.csv.CsvTable;
import org.junit.jupiter.api.Test;

class TransportKpiCsvTests {

    private static CsvTable table(String csv) throws IOException {
        return CsvReader.parse("kpi.csv", new StringReader(csv));
    }

    @Test
    void shouldReadSummaryByHeaderNameWithExactRevenue() throws IOException {
        assertThat(TransportKpiCsv.summary(table(TransportSamples.SUMMARY))).contains(
                new TransportSummary(new BigDecimal("120000.50"), 10_000, 212_345, 3_820, OptionalDouble.of(0.382)));
    }

    @Test
    void shouldTreatEmptyAndHeaderOnlySummaryAsNoTrips() throws IOException {
        assertThat(TransportKpiCsv.summary(table(""))).isEmpty();
        assertThat(TransportKpiCsv.summary(table(TransportSamples.SUMMARY_HEADER_ONLY))).isEmpty();
    }

    @Test
    void shouldAcceptEmptyPeakHourShare() throws IOException {
        assertThat(TransportKpiCsv.summary(table(TransportSamples.SUMMARY_HEADER_ONLY + "0.00,0,0,0,\n")))
                .hasValueSatisfying(summary -> assertThat(summary.peakHourShare()).isEmpty());
    }

    @Test
    void shouldNameLineOfMalformedSummary() {
        assertThatThrownBy(() -> TransportKpiCsv.summary(table(TransportSamples.SUMMARY_MALFORMED)))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("kpi.csv line 2: column 'total_trips': 'many' is not a whole number");
    }

    @Test
    void shouldRejectSecondSummaryRowAndShareAboveOne() {
        assertThatThrownBy(() -> TransportKpiCsv.summary(table(TransportSamples.SUMMARY + "0.5,1.00,1,1,1\n")))
                .hasMessage("kpi.csv line 3: the summary has a single row, found 2");
        assertThatThrownBy(() -> TransportKpiCsv.summary(table(TransportSamples.SUMMARY_HEADER_ONLY + "1.00,1,1,1,1.5\n")))
                .hasMessage("kpi.csv line 2: column 'peak_hour_share': 1.5 is not a share between 0 and 1");
    }

    @Test
    void shouldNameMissingSummaryColumns() {
        assertThatThrownBy(() -> TransportKpiCsv.summary(table("total_revenue,total_trips\n1.00,1\n")))
                .hasMessage("kpi.csv line 1: missing column(s) 'total_passengers', 'peak_hour_trips', 'peak_hour_share' "
                        + "in header [total_revenue,total_trips]");
    }

    @Test
    void shouldReadDaysInFileOrder() throws IOException {
        assertThat(TransportKpiCsv.daily(table(TransportSamples.DAILY))).containsExactly(
                new TransportDay(LocalDate.of(2025, 3, 14), 4_000, 90_000, new BigDecimal("48000.25")),
                new TransportDay(LocalDate.of(2025, 3, 13), 6_000, 122_345, new BigDecimal("72000.25")));
    }

    @Test
    void shouldRejectNegativePassengersAndMalformedDay() {
        assertThatThrownBy(() -> TransportKpiCsv.daily(table(TransportSamples.DAILY_HEADER_ONLY + "2025-03-13,1,-2,12.00\n")))
                .hasMessage("kpi.csv line 2: column 'passengers': -2 is negative");
        assertThatThrownBy(() -> TransportKpiCsv.daily(table(TransportSamples.DAILY_HEADER_ONLY + "2025/03/13,1,2,12.00\n")))
                .hasMessage("kpi.csv line 2: column 'day': '2025/03/13' is not a date (yyyy-MM-dd)");
    }

    @Test
    void shouldReadBoardingAreasWithTheirRank() throws IOException {
        assertThat(TransportKpiCsv.boardingAreas(table(TransportSamples.BOARDING_AREAS)))
                .hasSize(6)
                .startsWith(new BoardingAreaTrips(1, "Centro (Downtown)", 3_500, 74_000),
                        new BoardingAreaTrips(2, "East Zone (Vergel/Kanasín)", 1_500, 32_000));
    }

    @Test
    void shouldRejectRankBelowOneAndBlankArea() {
        assertThatThrownBy(() -> TransportKpiCsv.boardingAreas(table(TransportSamples.BOARDING_AREAS_HEADER_ONLY + "0,Centro (Downtown),1,1\n")))
                .hasMessage("kpi.csv line 2: column 'rank': 0 is not a rank (1 or more)");
        assertThatThrownBy(() -> TransportKpiCsv.boardingAreas(table(TransportSamples.BOARDING_AREAS_HEADER_ONLY + "1, ,1,1\n")))
                .hasMessage("kpi.csv line 2: column 'boarding_area' is empty");
    }

    @Test
    void shouldReadRouteTypesInFileOrderWithExactRevenue() throws IOException {
        assertThat(TransportKpiCsv.routes(table(TransportSamples.ROUTES))).containsExactly(
                new RouteTypeTrips("Ie-Tram Corridor", 1_500, 28.2, new BigDecimal("18000.00")),
                new RouteTypeTrips("Suburban/Connecting Route", 1_000, 47.5, new BigDecimal("12000.25")),
                new RouteTypeTrips("Urban/Feeder Route", 3_000, 35.0, new BigDecimal("36000.00")),
                new RouteTypeTrips("Urban/Metropolitan Circuito", 4_500, 32.46666666666667, new BigDecimal("54000.25")));
    }

    @Test
    void shouldTreatEmptyAndHeaderOnlyRoutesAndFaresAsNoRows() throws IOException {
        assertThat(TransportKpiCsv.routes(table(""))).isEmpty();
        assertThat(TransportKpiCsv.routes(table(TransportSamples.ROUTES_HEADER_ONLY))).isEmpty();
        assertThat(TransportKpiCsv.fares(table(""))).isEmpty();
        assertThat(TransportKpiCsv.fares(table(TransportSamples.FARES_HEADER_ONLY))).isEmpty();
    }

    @Test
    void shouldNameLineAndColumnOfMalformedRouteRows() {
        assertThatThrownBy(() -> TransportKpiCsv.routes(table(TransportSamples.ROUTES_HEADER_ONLY + "Ie-Tram Corridor,1,soon,12.00\n")))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("kpi.csv line 2: column 'mean_duration_minutes': 'soon' is not a number");
        assertThatThrownBy(() -> TransportKpiCsv.routes(table(TransportSamples.ROUTES_HEADER_ONLY + "Ie-Tram Corridor,1,-3.5,12.00\n")))
                .hasMessage("kpi.csv line 2: column 'mean_duration_minutes': -3.5 is negative");
        assertThatThrownBy(() -> TransportKpiCsv.routes(table(TransportSamples.ROUTES_HEADER_ONLY + "Ie-Tram Corridor,1,3.5,-12.00\n")))
                .hasMessage("kpi.csv line 2: column 'revenue': -12.00 is negative");
        assertThatThrownBy(() -> TransportKpiCsv.routes(table(TransportSamples.ROUTES_HEADER_ONLY + ",1,3.5,12.00\n")))
                .hasMessage("kpi.csv line 2: column 'route_type' is empty");
        assertThatThrownBy(() -> TransportKpiCsv.routes(table(TransportSamples.ROUTES_HEADER_ONLY + "Ie-Tram Corridor,1.5,3.5,12.00\n")))
                .hasMessage("kpi.csv line 2: column 'trips': '1.5' is not a whole number");
    }

    @Test
    void shouldRefuseASecondRowOfARouteType() {
        assertThatThrownBy(() -> TransportKpiCsv.routes(table(TransportSamples.ROUTES + "Urban/Feeder Route,1,3.5,12.00\n")))
                .hasMessage("kpi.csv line 6: a second row for route type 'Urban/Feeder Route'");
    }

    @Test
    void shouldNameMissingRouteColumns() {
        assertThatThrownBy(() -> TransportKpiCsv.routes(table("route_type,trips\nIe-Tram Corridor,1\n")))
                .hasMessage("kpi.csv line 1: missing column(s) 'mean_duration_minutes', 'revenue' in header [route_type,trips]");
    }

    @Test
    void shouldReadFaresInFileOrderWithExactRevenue() throws IOException {
        assertThat(TransportKpiCsv.fares(table(TransportSamples.FARES))).containsExactly(
                new FareTrips("Regular", "Card", 4_100, new BigDecimal("61500.00")),
                new FareTrips("Regular", "QR", 2_900, new BigDecimal("43500.00")),
                new FareTrips("Student/Senior/Disability", "Card", 3_000, new BigDecimal("15000.50")));
    }

    @Test
    void shouldNameLineAndColumnOfMalformedFareRows() {
        assertThatThrownBy(() -> TransportKpiCsv.fares(table(TransportSamples.FARES_HEADER_ONLY + "Regular, ,1,12.00\n")))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("kpi.csv line 2: column 'payment_method' is empty");
        assertThatThrownBy(() -> TransportKpiCsv.fares(table(TransportSamples.FARES_HEADER_ONLY + "Regular,QR,-1,12.00\n")))
                .hasMessage("kpi.csv line 2: column 'trips': -1 is negative");
        assertThatThrownBy(() -> TransportKpiCsv.fares(table(TransportSamples.FARES_HEADER_ONLY + "Regular,QR,1,twelve\n")))
                .hasMessage("kpi.csv line 2: column 'revenue': 'twelve' is not a number");
    }

    @Test
    void shouldRefuseASecondRowOfAFareTypeAndPaymentMethodButNotOfEitherAlone() throws IOException {
        assertThatThrownBy(() -> TransportKpiCsv.fares(table(TransportSamples.FARES + "Regular,QR,1,12.00\n")))
                .hasMessage("kpi.csv line 5: a second row for fare type 'Regular' paid by 'QR'");
        assertThat(TransportKpiCsv.fares(table(TransportSamples.FARES + "Student/Senior/Disability,QR,1,12.00\n"))).hasSize(4);
    }
}
