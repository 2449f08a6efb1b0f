package org.etlsuite.dashboard.transport;

import java.util.List;

import org.etlsuite.dashboard.chart.Bar;
import org.etlsuite.dashboard.chart.ChartPalette;
import org.etlsuite.dashboard.chart.Charts;
import org.etlsuite.dashboard.chart.DayValue;
import org.jfree.chart.JFreeChart;

/** The charts of the transportation page; both show one measure, so both use the first palette colour. */
enum TransportChart {

    DAILY_PASSENGERS(640, 440) {
        @Override
        JFreeChart build(TransportKpis kpis) {
            List<DayValue> days = kpis.days().stream().map(day -> new DayValue(day.day(), day.passengers())).toList();
            return Charts.daily("Passengers", days, ChartPalette.color(0));
        }
    },

    TOP_BOARDING_AREAS(640, 440) {
        @Override
        JFreeChart build(TransportKpis kpis) {
            List<Bar> bars = kpis.topBoardingAreas().stream()
                    .map(area -> new Bar(area.boardingArea(), area.trips(), ChartPalette.color(0)))
                    .toList();
            return Charts.horizontalBars("Boarding area", "Trips", bars, "#,##0");
        }
    };

    private final int width;
    private final int height;

    TransportChart(int width, int height) {
        this.width = width;
        this.height = height;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    abstract JFreeChart build(TransportKpis kpis);

    byte[] png(TransportKpis kpis) {
        return Charts.png(build(kpis), width, height);
    }
}
