package org.etlsuite.dashboard.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class ChartsTests {

    private static BufferedImage decode(byte[] png) throws IOException {
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G', (byte) '\r', (byte) '\n', (byte) 0x1A, (byte) '\n');
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static Set<Integer> opaqueColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours;
    }

    @Test
    void shouldRenderBarChartAtRequestedSizeWithEachBarInItsColour() throws IOException {
        List<Bar> bars = List.of(new Bar("Centro", 64.5, ChartPalette.color(0)), new Bar("Kanasin", 55.25, ChartPalette.color(2)));

        BufferedImage image = decode(Charts.png(Charts.bars("Zone", "Mean noise (dB)", bars, "0.0"), 640, 400));

        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(400);
        assertThat(opaqueColours(image))
                .contains(0x0072B2, 0x009E73)
                .doesNotContain(ChartPalette.color(1).getRGB() & 0xFFFFFF);
    }

    @Test
    void shouldRenderScatterChartAtRequestedSize() throws IOException {
        List<PointSeries> series = List.of(
                new PointSeries("Centro", List.of(new PointSeries.Point(120.5, 48.0), new PointSeries.Point(80, 24)), ChartPalette.color(0)),
                new PointSeries("Kanasin", List.of(new PointSeries.Point(60, 36)), ChartPalette.color(2)));

        BufferedImage image = decode(Charts.png(Charts.scatter("Zone", "Vehicles", "Pollution index", series), 800, 480));

        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(480);
        // the legend swatches are drawn opaque in the series colours
        assertThat(opaqueColours(image)).contains(0x0072B2, 0x009E73);
    }

    @Test
    void shouldRenderHorizontalBarChartAtRequestedSize() throws IOException {
        List<Bar> bars = List.of(new Bar("South Zone (Emiliano Zapata Sur/San Haroldo)", 3512, ChartPalette.color(0)),
                new Bar("Circuito Route Stop", 1002, ChartPalette.color(2)));

        BufferedImage image = decode(Charts.png(Charts.horizontalBars("Boarding area", "Trips", bars, "#,##0"), 640, 440));

        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(440);
        assertThat(opaqueColours(image)).contains(0x0072B2, 0x009E73);
    }

    @Test
    void shouldRenderDailyLineChartInItsColour() throws IOException {
        List<DayValue> days = List.of(new DayValue(LocalDate.of(2025, 3, 13), 122_345), new DayValue(LocalDate.of(2025, 3, 14), 90_000));

        BufferedImage image = decode(Charts.png(Charts.daily("Passengers", days, ChartPalette.color(2)), 640, 440));

        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(440);
        assertThat(opaqueColours(image)).contains(0x009E73);
    }

    @Test
    void shouldRenderDailyLineChartOfASingleDayAndOfNone() throws IOException {
        List<DayValue> oneDay = List.of(new DayValue(LocalDate.of(2025, 3, 13), 42));

        assertThat(opaqueColours(decode(Charts.png(Charts.daily("Passengers", oneDay, ChartPalette.color(2)), 640, 440))))
                .contains(0x009E73);
        assertThat(decode(Charts.png(Charts.daily("Passengers", List.of(), ChartPalette.color(2)), 640, 440)).getWidth())
                .isEqualTo(640);
    }

    @Test
    void shouldDrawEveryBarAsAnSvgItemWhoseTitleGivesItsExactValue() throws Exception {
        List<Bar> bars = List.of(new Bar("electronics", 73_600.20, ChartPalette.color(0)), new Bar("home <& garden>", 8_595, ChartPalette.color(0)));

        ChartFigure figure = ChartFigure.of(Charts.bars("Category", "Revenue", bars, "#,##0", "#,##0.00"), 640, 440);
        ChartSvg svg = ChartSvg.parse(figure.svg().getBytes(StandardCharsets.UTF_8));

        assertThat(svg.root().getLocalName()).isEqualTo("svg");
        assertThat(svg.root().getAttribute("viewBox")).isEqualTo("0 0 640 440");
        assertThat(svg.titles()).containsExactly("electronics, Revenue: 73,600.20", "home <& garden>, Revenue: 8,595.00");
        assertThat(svg.fills()).containsExactly(ChartPalette.color(0), ChartPalette.color(0));
        // the label on the bar stays rounded: only the tooltip and the table need the cents
        assertThat(svg.dataItems().getFirst().getTextContent()).endsWith("73,600");
        assertThat(figure.table()).isEqualTo(new ChartTable(List.of("Category", "Revenue"), 1,
                List.of(List.of("electronics", "73,600.20"), List.of("home <& garden>", "8,595.00"))));
    }

    @Test
    void shouldGiveEveryPointOfAScatterChartATitleAndATableRowNamingItsSeries() throws Exception {
        List<PointSeries> series = List.of(
                new PointSeries("Centro", List.of(new PointSeries.Point(120.5, 48.0), new PointSeries.Point(80, 24)), ChartPalette.zoneColor("Centro")),
                new PointSeries("Kanasin", List.of(new PointSeries.Point(60, 36.125)), ChartPalette.zoneColor("Kanasin")));

        ChartFigure figure = ChartFigure.of(Charts.scatter("Zone", "Vehicles", "Pollution index", series), 640, 440);
        ChartSvg svg = ChartSvg.parse(figure.svg().getBytes(StandardCharsets.UTF_8));

        // JFreeChart draws the last series first, so that the first lies on top
        assertThat(svg.titles()).containsExactly("Kanasin, Vehicles: 60, Pollution index: 36.125",
                "Centro, Vehicles: 120.5, Pollution index: 48", "Centro, Vehicles: 80, Pollution index: 24");
        assertThat(svg.fillsByName()).containsExactly(entry("Kanasin", Set.of(ChartPalette.zoneColor("Kanasin"))),
                entry("Centro", Set.of(ChartPalette.zoneColor("Centro"))));
        assertThat(figure.table()).isEqualTo(new ChartTable(List.of("Zone", "Vehicles", "Pollution index"), 1, List.of(
                List.of("Centro", "120.5", "48"), List.of("Centro", "80", "24"), List.of("Kanasin", "60", "36.125"))));
    }

    @Test
    void shouldGiveEveryDayOfALineChartATitleAndATableRowButNotTheLinesBetween() throws Exception {
        List<DayValue> days = List.of(new DayValue(LocalDate.of(2025, 3, 14), 90_000), new DayValue(LocalDate.of(2025, 3, 13), 122_345));

        ChartFigure figure = ChartFigure.of(Charts.daily("Passengers", days, ChartPalette.color(0)), 640, 440);
        ChartSvg svg = ChartSvg.parse(figure.svg().getBytes(StandardCharsets.UTF_8));

        assertThat(svg.titles()).containsExactly("2025-03-13, Passengers: 122,345", "2025-03-14, Passengers: 90,000");
        assertThat(svg.fills()).containsOnly(ChartPalette.color(0));
        assertThat(figure.table()).isEqualTo(new ChartTable(List.of("Day (UTC)", "Passengers"), 1,
                List.of(List.of("2025-03-13", "122,345"), List.of("2025-03-14", "90,000"))));
    }

    @Test
    void shouldDrawAGroupOfBarsPerCategoryInTheSeriesColoursWithATitleAndATableRowNamingCategoryAndSeriesPerBar() throws Exception {
        List<BarSeries> series = List.of(
                new BarSeries("Card", Map.of("Regular", 4_100.0, "Student", 3_000.0), ChartPalette.color(0)),
                // no bar for students: a gap in their group, and no row
                new BarSeries("QR", Map.of("Regular", 2_900.5), ChartPalette.color(1)));

        ChartFigure figure = ChartFigure.of(Charts.groupedBars("Fare type", "Payment method", "Trips", List.of("Regular", "Student"),
                series, "#,##0"), 640, 440);
        ChartSvg svg = ChartSvg.parse(figure.svg().getBytes(StandardCharsets.UTF_8));

        assertThat(svg.titles()).containsExactly("Regular, Card, Trips: 4,100", "Regular, QR, Trips: 2,900.5", "Student, Card, Trips: 3,000");
        assertThat(svg.fills()).containsExactly(ChartPalette.color(0), ChartPalette.color(1), ChartPalette.color(0));
        // the label on the bar stays rounded
        assertThat(svg.dataItems().get(1).getTextContent()).endsWith("2,900");
        assertThat(figure.table()).isEqualTo(new ChartTable(List.of("Fare type", "Payment method", "Trips"), 2, List.of(
                List.of("Regular", "Card", "4,100"), List.of("Regular", "QR", "2,900.5"), List.of("Student", "Card", "3,000"))));
    }

    @Test
    void shouldHeadEveryRowOfATimeChartsTableWithItsLineAndTimeAndHoldOnlyTheValueAsANumber() {
        List<TimeLine> lines = List.of(new TimeLine("Centro", List.of(new TimeLine.Point(LocalDateTime.of(2025, 3, 13, 7, 0), 48.25)),
                ChartPalette.zoneColor("Centro")));

        ChartTable byZone = ChartFigure.of(Charts.timeLines("Zone", "Mean pollution index", lines, true), 640, 440).table();
        ChartTable oneLine = ChartFigure.of(Charts.timeLines(null, "Revenue", lines, false), 640, 440).table();

        assertThat(byZone).isEqualTo(new ChartTable(List.of("Zone", "Hour (UTC)", "Mean pollution index"), 2,
                List.of(List.of("Centro", "2025-03-13 07:00", "48.25"))));
        assertThat(byZone.label(1)).isTrue();
        assertThat(byZone.label(2)).isFalse();
        assertThat(oneLine).isEqualTo(new ChartTable(List.of("Day (UTC)", "Revenue"), 1, List.of(List.of("2025-03-13", "48.25"))));
    }

    @Test
    void shouldRefuseATableWithMoreLabelColumnsThanColumns() {
        assertThatThrownBy(() -> new ChartTable(List.of("Zone"), 2, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("labelColumns 2 is not between 0 and the 1 columns");
    }

    @Test
    void shouldWriteTheTableRowsAsHtmlOnceWithTheLabelsAsRowHeadersAndEveryCellEscaped() {
        ChartTable table = new ChartTable(List.of("Fare type", "Payment method", "Trips"), 2,
                List.of(List.of("Student/Senior <b>", "O'Card & \"QR\"", "3,000"), List.of("Mérida", "Card", "12")));

        assertThat(table.rowsHtml()).isEqualTo(
                "<tr><th scope=\"row\">Student/Senior &lt;b&gt;</th><th scope=\"row\">O&#39;Card &amp; &quot;QR&quot;</th>"
                        + "<td class=\"num\">3,000</td></tr>\n"
                        + "<tr><th scope=\"row\">Mérida</th><th scope=\"row\">Card</th><td class=\"num\">12</td></tr>\n");
    }

    @Test
    void shouldRenderGroupedBarChartAtRequestedSizeWithALegendInTheSeriesColours() throws IOException {
        List<BarSeries> series = List.of(new BarSeries("Card", Map.of("Regular", 4_100.0), ChartPalette.color(0)),
                new BarSeries("QR", Map.of("Regular", 2_900.0), ChartPalette.color(2)));

        BufferedImage image = decode(Charts.png(Charts.groupedBars("Fare type", "Payment method", "Trips", List.of("Regular"), series, "#,##0"),
                640, 440));

        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(440);
        assertThat(opaqueColours(image)).contains(0x0072B2, 0x009E73).doesNotContain(ChartPalette.color(1).getRGB() & 0xFFFFFF);
    }

    @Test
    void shouldRefuseASeriesWithAValueForACategoryThereIsNot() {
        List<BarSeries> series = List.of(new BarSeries("Card", Map.of("Tourist", 1.0), ChartPalette.color(0)));

        assertThatThrownBy(() -> Charts.groupedBars("Fare type", "Payment method", "Trips", List.of("Regular"), series, "#,##0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("series Card has values for categories other than [Regular]");
    }
}
