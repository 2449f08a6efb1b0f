package org.etlsuite.dashboard.transport;

import java.util.List;

import org.etlsuite.dashboard.chart.Bar;
import org.etlsuite.dashboard.chart.ChartPalette;
import org.etlsuite.dashboard.chart.ChartView;
import org.etlsuite.dashboard.chart.Charts;
import org.etlsuite.dashboard.chart.DashboardChart;
import org.etlsuite.dashboard.chart.DayValue;
import org.jfree.chart.JFreeChart;

/** The charts of the transportation page; both show one measure, so both use the first palette colour. */
enum TransportChart implements DashboardChart<TransportKpis> {

    DAILY_PASSENGERS {
        @Override
        public JFreeChart build(TransportKpis kpis, ChartView view) {
            List<DayValue> days = kpis.days().stream().map(day -> new DayValue(day.day(), day.passengers())).toList();
            return Charts.daily("Passengers", days, ChartPalette.color(0));
        }
    },

    TOP_BOARDING_AREAS {
        @Override
        public JFreeChart build(TransportKpis kpis, ChartView view) {
            List<Bar> bars = kpis.topBoardingAreas().stream()
                    .map(area -> new Bar(area.boardingArea(), area.trips(), ChartPalette.color(0)))
                    .toList();
            return Charts.horizontalBars("Boarding area", "Trips", bars, "#,##0");
        }
    }
}
