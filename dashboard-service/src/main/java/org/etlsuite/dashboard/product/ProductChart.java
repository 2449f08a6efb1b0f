package org.etlsuite.dashboard.product;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.etlsuite.dashboard.chart.Bar;
import org.etlsuite.dashboard.chart.ChartPalette;
import org.etlsuite.dashboard.chart.ChartView;
import org.etlsuite.dashboard.chart.Charts;
import org.etlsuite.dashboard.chart.DashboardChart;
import org.etlsuite.dashboard.chart.TimeLine;
import org.etlsuite.events.product.Platform;
import org.etlsuite.model.product.ProductDisplayNames;
import org.jfree.chart.JFreeChart;

/**
 * The charts of the products page. A chart of a single measure shares one colour among its bars or
 * points, money in the first colour and events in the second; the platforms have a colour each.
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
    },

    REVENUE_BY_HOUR {
        @Override
        public JFreeChart build(ProductKpis kpis, ChartView view) {
            Optional<RevenueTimeline.Shown> shown = kpis.revenue().shown(view.range());
            TimeLine line = new TimeLine("All platforms", shown.map(RevenueTimeline.Shown::points).orElse(List.of()),
                    ChartPalette.color(0));
            // one line: its data table needs no column that names it on every row
            return Charts.timeLines(null, "Revenue", List.of(line), shown.map(RevenueTimeline.Shown::hourly).orElse(true),
                    "#,##0.00");
        }

        @Override
        public ChartView drawnWith(ChartView requested) {
            return ChartView.of(requested.range());
        }
    },

    REVENUE_BY_PLATFORM {
        @Override
        public JFreeChart build(ProductKpis kpis, ChartView view) {
            List<Bar> bars = new ArrayList<>();
            List<PlatformKpi> platforms = kpis.platforms();
            for (int i = 0; i < platforms.size(); i++) {
                PlatformKpi platform = platforms.get(i);
                bars.add(new Bar(platform.platform(), platform.revenue().doubleValue(), platformColor(platform.platform(), i)));
            }
            return Charts.bars("Platform", "Revenue", bars, "#,##0", "#,##0.00");
        }
    };

    /**
     * A platform's colour by the schema's order of the platforms, so that a platform keeps its colour whichever
     * platforms the file holds so far; a name the schema does not know (a hand-made file) takes a colour after them.
     */
    static Color platformColor(String platform, int position) {
        return Arrays.stream(Platform.values())
                .filter(known -> ProductDisplayNames.displayName(known).equals(platform))
                .findFirst()
                .map(known -> ChartPalette.color(known.ordinal()))
                .orElseGet(() -> ChartPalette.color(Platform.values().length + position));
    }
}
