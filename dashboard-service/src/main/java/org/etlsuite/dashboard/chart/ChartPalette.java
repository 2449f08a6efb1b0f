package org.etlsuite.dashboard.chart;

import java.awt.Color;
import java.util.List;

/**
 * Qualitative colours (Tableau 10) that stay distinguishable for the common forms of colour
 * blindness. Pages give each category a stable index so that a zone keeps its colour on every
 * chart.
 */
public final class ChartPalette {

    private static final List<Color> COLORS = List.of(
            new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2),
            new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
            new Color(0x9C755F), new Color(0xBAB0AC));

    private ChartPalette() {
    }

    /** Colour for the n-th category; wraps around after ten. */
    public static Color color(int index) {
        return COLORS.get(Math.floorMod(index, COLORS.size()));
    }

    /** CSS hex form, for legends drawn in HTML next to a chart. */
    public static String hex(int index) {
        Color color = color(index);
        return String.format("#%02x%02x%02x", color.getRed(), color.getGreen(), color.getBlue());
    }
}
