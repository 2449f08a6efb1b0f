package org.etlsuite.dashboard.product;

import java.util.List;

import org.etlsuite.dashboard.chart.Bar;
import org.etlsuite.dashboard.chart.ChartPalette;
import org.etlsuite.dashboard.chart.ChartView;
import org.etlsuite.dashboard.chart.Charts;
import org.etlsuite.dashboard.chart.DashboardChart;
import org.jfree.chart.JFreeChart;

/**
 * The charts of the products page. Each shows a single measure, so its bars share one colour; the
 * two charts differ in colour because one counts money and the other events.
 */
enum ProductChart implements DashboardChart<ProductKpis> {

    REVENUE_BY_CATEGORY {
        @Override
        public JFreeChart build(ProductKpis kpis, ChartView view) {
            List<Bar> bars = kpis.categories().stream()
                    .map(category -> new Bar(category.category(), category.revenue().doubleValue(), ChartPalette.color(0)))
                    .toList();
            return Charts.bars("Category", "Revenue", bars, "#,##0", "#,##0.00");
        }
    },

    FUNNEL {
        @Override
        public JFreeChart build(ProductKpis kpis, ChartView view) {
            List<Bar> bars = kpis.funnel().stages().stream()
                    .map(stage -> new Bar(stage.stage(), stage.count(), ChartPalette.color(1)))
                    .toList();
            return Charts.bars("Stage", "Events", bars, "#,##0");
        }
    }
}
