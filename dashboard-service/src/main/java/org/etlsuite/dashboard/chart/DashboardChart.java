package org.etlsuite.dashboard.chart;

import org.jfree.chart.JFreeChart;

/**
 * One chart of a dashboard page, drawn from that page's numbers. Pages list their charts as the
 * constants of an enum that implements this.
 *
 * @param <K> the page's numbers
 */
public interface DashboardChart<K> {

    JFreeChart build(K kpis);

    /** Width of the PNG in pixels, and of the SVG in user units (it scales to the page's column). */
    default int width() {
        return 640;
    }

    /** Height of the PNG in pixels and of the SVG in user units; see {@link #width()}. */
    default int height() {
        return 440;
    }

    default byte[] png(K kpis) {
        return Charts.png(build(kpis), width(), height());
    }

    /** The chart as SVG, with its data as a table; both from one build of the chart. */
    default ChartFigure figure(K kpis) {
        return ChartFigure.of(build(kpis), width(), height());
    }
}
