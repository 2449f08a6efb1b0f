package org.etlsuite.dashboard.chart;

import java.awt.Color;
import java.util.Map;

/**
 * One coloured series of a {@link Charts#groupedBars grouped bar chart}: a value per category, e.g. the trips paid by
 * card per fare type. A category without a value has no bar of this series.
 */
public record BarSeries(String name, Map<String, Double> values, Color color) {

    public BarSeries {
        values = Map.copyOf(values);
    }
}
