package org.etlsuite.dashboard.chart;

import java.awt.Color;
import java.time.LocalDateTime;
import java.util.List;

/** One coloured line of a {@link Charts#timeLines time chart}: a value per UTC hour or day. */
public record TimeLine(String name, List<Point> points, Color color) {

    public TimeLine {
        points = List.copyOf(points);
    }

    /** @param start the start of the point's hour or day, UTC */
    public record Point(LocalDateTime start, double value) {
    }
}
