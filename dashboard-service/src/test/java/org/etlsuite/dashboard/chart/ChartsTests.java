package org.etlsuite.dashboard.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
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
                .contains(0x4E79A7, 0xE15759)
                .doesNotContain(ChartPalette.color(1).getRGB() & 0xFFFFFF);
    }

    @Test
    void shouldRenderScatterChartAtRequestedSize() throws IOException {
        List<PointSeries> series = List.of(
                new PointSeries("Centro", List.of(new PointSeries.Point(120.5, 48.0), new PointSeries.Point(80, 24)), ChartPalette.color(0)),
                new PointSeries("Kanasin", List.of(new PointSeries.Point(60, 36)), ChartPalette.color(2)));

        BufferedImage image = decode(Charts.png(Charts.scatter("Vehicles", "Pollution index", series), 800, 480));

        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(480);
        // the legend swatches are drawn opaque in the series colours
        assertThat(opaqueColours(image)).contains(0x4E79A7, 0xE15759);
    }

    @Test
    void shouldRenderHorizontalBarChartAtRequestedSize() throws IOException {
        List<Bar> bars = List.of(new Bar("South Zone (Emiliano Zapata Sur/San Haroldo)", 3512, ChartPalette.color(0)),
                new Bar("Circuito Route Stop", 1002, ChartPalette.color(2)));

        BufferedImage image = decode(Charts.png(Charts.horizontalBars("Boarding area", "Trips", bars, "#,##0"), 640, 440));

        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(440);
        assertThat(opaqueColours(image)).contains(0x4E79A7, 0xE15759);
    }

    @Test
    void shouldRenderDailyLineChartInItsColour() throws IOException {
        List<DayValue> days = List.of(new DayValue(LocalDate.of(2025, 3, 13), 122_345), new DayValue(LocalDate.of(2025, 3, 14), 90_000));

        BufferedImage image = decode(Charts.png(Charts.daily("Passengers", days, ChartPalette.color(2)), 640, 440));

        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(440);
        assertThat(opaqueColours(image)).contains(0xE15759);
    }

    @Test
    void shouldRenderDailyLineChartOfASingleDayAndOfNone() throws IOException {
        List<DayValue> oneDay = List.of(new DayValue(LocalDate.of(2025, 3, 13), 42));

        assertThat(opaqueColours(decode(Charts.png(Charts.daily("Passengers", oneDay, ChartPalette.color(2)), 640, 440))))
                .contains(0xE15759);
        assertThat(decode(Charts.png(Charts.daily("Passengers", List.of(), ChartPalette.color(2)), 640, 440)).getWidth())
                .isEqualTo(640);
    }

    @Test
    void shouldCyclePaletteAndGiveCssHex() {
        assertThat(ChartPalette.color(0)).isEqualTo(new Color(0x4E79A7));
        assertThat(ChartPalette.color(10)).isEqualTo(ChartPalette.color(0));
        assertThat(ChartPalette.hex(1)).isEqualTo("#f28e2b");
    }
}
