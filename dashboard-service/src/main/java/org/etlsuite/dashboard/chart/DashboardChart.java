package org.etlsuite.dashboard.chart;

import org.jfree.chart.JFreeChart;

/**
 * One chart of a dashboard page, drawn from that page's numbers as a {@link ChartView} shows them. Pages list their
 * charts as the constants of an enum that implements this.
 *
 * @param <K> the page's numbers
 */
public interface DashboardChart<K> {

    JFreeChart build(K kpis, ChartView view);

    /**
     * The part of the requested view that this chart is drawn with: charts are drawn and kept per view, and a chart
     * that offers no choice is the same drawing for every view. A time chart keeps the range, a chart by zone the
     * series.
     */
    default ChartView drawnWith(ChartView requested) {
        return ChartView.WHOLE;
    }

    /** Width of the PNG in pixels, and of the SVG in user units (it scales to the page's column). */
    default int width() {
        return 640;
    }

    /** Height of the PNG in pixels and of the SVG in user units; see {@link #width()}. */
    default int height() {
        return 440;
    }

    default byte[] png(K kpis, ChartView view) {
        return Charts.png(build(kpis, view), width(), height());
    }

    /** The chart as SVG, with its data as a table; both from one build of the chart. */
    default ChartFigure figure(K kpis, ChartView view) {
        return ChartFigure.of(build(kpis, view), width(), height());
    }
}
