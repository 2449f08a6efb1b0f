package org.etlsuite.dashboard.urban;

import java.util.List;

import org.etlsuite.dashboard.chart.Bar;
import org.etlsuite.dashboard.chart.ChartPalette;
import org.etlsuite.dashboard.chart.ChartView;
import org.etlsuite.dashboard.chart.Charts;
import org.etlsuite.dashboard.chart.DashboardChart;
import org.etlsuite.dashboard.chart.PointSeries;
import org.jfree.chart.JFreeChart;

/** The charts of the urban page; each zone has its colour of the palette's zone map on both. */
enum UrbanChart implements DashboardChart<UrbanKpis> {

    NOISE_BY_ZONE {
        @Override
        public JFreeChart build(UrbanKpis kpis, ChartView view) {
            List<Bar> bars = kpis.meanNoiseByZone().stream()
                    .map(zone -> new Bar(zone.zone(), zone.meanNoiseDb(), ChartPalette.zoneColor(zone.zone())))
                    .toList();
            return Charts.bars("Zone", "Mean noise (dB)", bars, "0.0");
        }
    },

    TRAFFIC_VS_POLLUTION {
        @Override
        public JFreeChart build(UrbanKpis kpis, ChartView view) {
            List<PointSeries> series = kpis.scatterByZone().stream()
                    .map(zone -> new PointSeries(zone.zone(),
                            zone.points().stream().map(p -> new PointSeries.Point(p.vehicleCount(), p.pollutionIdx())).toList(),
                            ChartPalette.zoneColor(zone.zone())))
                    .toList();
            return Charts.scatter("Zone", "Mean vehicle count per hour", "Mean pollution index", series);
        }
    }
}
