package org.etlsuite.dashboard.product;

import java.util.List;

import org.etlsuite.dashboard.chart.Bar;
import org.etlsuite.dashboard.chart.ChartPalette;
import org.etlsuite.dashboard.chart.Charts;
import org.jfree.chart.JFreeChart;

/**
 * The charts of the products page. Each shows a single measure, so its bars share one colour; the
 * two charts differ in colour because one counts money and the other events.
 */
enum ProductChart {

    REVENUE_BY_CATEGORY(640, 440) {
        @Override
        JFreeChart build(ProductKpis kpis) {
            List<Bar> bars = kpis.categories().stream()
                    .map(category -> new Bar(category.category(), category.revenue().doubleValue(), ChartPalette.color(0)))
                    .toList();
            return Charts.bars("Category", "Revenue", bars, "#,##0");
        }
    },

    FUNNEL(640, 440) {
        @Override
        JFreeChart build(ProductKpis kpis) {
            List<Bar> bars = kpis.funnel().stages().stream()
                    .map(stage -> new Bar(stage.stage(), stage.count(), ChartPalette.color(1)))
                    .toList();
            return Charts.bars("Stage", "Events", bars, "#,##0");
        }
    };

    private final int width;
    private final int height;

    ProductChart(int width, int height) {
        this.width = width;
        this.height = height;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    abstract JFreeChart build(ProductKpis kpis);

    byte[] png(ProductKpis kpis) {
        return Charts.png(build(kpis), width, height);
    }
}
