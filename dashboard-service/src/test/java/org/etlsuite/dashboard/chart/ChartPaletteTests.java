package org.etlsuite.dashboard.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.Arrays;
import java.util.List;

import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.model.urban.UrbanLocations;
import org.junit.jupiter.api.Test;

class ChartPaletteTests {

    @Test
    void shouldBeTheOkabeItoColoursBlueFirstAndCycle() {
        assertThat(ChartPalette.colors()).containsExactly(new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
                new Color(0xD55E00), new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000));
        assertThat(ChartPalette.color(8)).isEqualTo(ChartPalette.color(0));
        assertThat(ChartPalette.color(-1)).isEqualTo(new Color(0x000000));
    }

    @Test
    void shouldGiveEveryZoneOfTheSchemaItsOwnPaletteColour() {
        List<Color> zones = Arrays.stream(UrbanLocation.values()).map(UrbanLocations::displayName).map(ChartPalette::zoneColor).toList();

        assertThat(zones).doesNotHaveDuplicates().isSubsetOf(ChartPalette.colors());
        assertThat(ChartPalette.zoneColor("Centro")).isEqualTo(new Color(0x0072B2));
        assertThat(ChartPalette.zoneColor("Kanasin")).isEqualTo(new Color(0xD55E00));
        assertThat(ChartPalette.zoneColor("Emiliano Zapata")).isEqualTo(new Color(0xCC79A7));
    }

    @Test
    void shouldDrawAZoneTheSchemaDoesNotKnowInGreyOutsideThePalette() {
        assertThat(ChartPalette.zoneColor("Atlantis")).isEqualTo(ChartPalette.UNKNOWN_ZONE);
        assertThat(ChartPalette.colors()).doesNotContain(ChartPalette.UNKNOWN_ZONE);
    }

    @Test
    void shouldGiveCssHex() {
        assertThat(ChartPalette.hex(ChartPalette.color(1))).isEqualTo("#e69f00");
        assertThat(ChartPalette.hex(ChartPalette.zoneColor("Emiliano Zapata"))).isEqualTo("#cc79a7");
    }
}
