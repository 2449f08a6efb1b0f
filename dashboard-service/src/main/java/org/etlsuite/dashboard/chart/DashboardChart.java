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

    /**
     * Width of the PNG in pixels. The templates reserve the same size with the image's width and
     * height attributes, so the page does not jump while the images load.
     */
    default int width() {
        return 640;
    }

    /** Height of the PNG in pixels; see {@link #width()}. */
    default int height() {
        return 440;
    }

    default byte[] png(K kpis) {
        return Charts.png(build(kpis), width(), height());
    }
}
