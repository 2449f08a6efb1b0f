package org.etlsuite.dashboard.quality;

import java.util.List;

import org.etlsuite.dashboard.chart.ChartView;
import org.etlsuite.dashboard.chart.DashboardChart;
import org.jfree.chart.JFreeChart;

/**
 * The charts of the data-quality page: none, its numbers are tables. {@link org.etlsuite.dashboard.page.DashboardFiles}
 * wants an enum of charts all the same.
 */
enum QualityChart implements DashboardChart<List<QualityShares.StreamQuality>> {
    ;

    @Override
    public JFreeChart build(List<QualityShares.StreamQuality> kpis, ChartView view) {
        throw new UnsupportedOperationException("the data-quality page draws no chart");
    }
}
