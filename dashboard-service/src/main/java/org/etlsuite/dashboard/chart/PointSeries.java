package org.etlsuite.dashboard.chart;

import java.awt.Color;
import java.util.List;

/** One coloured series of a {@link Charts#scatter scatter chart}. */
public record PointSeries(String name, List<Point> points, Color color) {

    public PointSeries {
        points = List.copyOf(points);
    }

    public record Point(double x, double y) {
    }
}
