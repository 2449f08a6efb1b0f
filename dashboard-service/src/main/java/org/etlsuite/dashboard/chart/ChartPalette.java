package org.etlsuite.dashboard.chart;

import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.model.urban.UrbanLocations;

/**
 * The one palette of every chart: Okabe and Ito's eight colours, which stay distinguishable for the common
 * forms of colour blindness. Blue comes first and yellow late because yellow barely contrasts with the white
 * plot. Zones have fixed colours of their own ({@link #zoneColor}), so that a zone looks the same on every chart
 * and on every day, whichever zones the files happen to hold.
 */
public final class ChartPalette {

    private static final List<Color> COLORS = List.of(
            new Color(0x0072B2), // blue
            new Color(0xE69F00), // orange
            new Color(0x009E73), // bluish green
            new Color(0xD55E00), // vermillion
            new Color(0xCC79A7), // reddish purple
            new Color(0x56B4E9), // sky blue
            new Color(0xF0E442), // yellow
            new Color(0x000000)); // black

    /** A zone that the schema does not know (a hand-made file); grey is not one of the palette's colours. */
    public static final Color UNKNOWN_ZONE = new Color(0x999999);

    // schema order, so that a zone added to the schema takes the next colour and no other zone's changes
    private static final Map<String, Color> ZONES = Arrays.stream(UrbanLocation.values())
            .collect(Collectors.toUnmodifiableMap(UrbanLocations::displayName, location -> color(location.ordinal())));

    private ChartPalette() {
    }

    /** The palette, in the order {@link #color(int)} hands it out. */
    public static List<Color> colors() {
        return COLORS;
    }

    /** Colour for the n-th series or measure; wraps around after eight. */
    public static Color color(int index) {
        return COLORS.get(Math.floorMod(index, COLORS.size()));
    }

    /** The colour of a zone, by the name the files give it (e.g. "Emiliano Zapata"), on every chart. */
    public static Color zoneColor(String zone) {
        return ZONES.getOrDefault(zone, UNKNOWN_ZONE);
    }

    /** CSS hex form, for legends drawn in HTML next to a chart. */
    public static String hex(Color color) {
        return String.format("#%02x%02x%02x", color.getRed(), color.getGreen(), color.getBlue());
    }
}
