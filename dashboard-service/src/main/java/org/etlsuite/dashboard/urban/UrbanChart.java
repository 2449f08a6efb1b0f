package org.etlsuite.dashboard.urban;

import java.util.List;

import org.etlsuite.dashboard.chart.Bar;
import org.etlsuite.dashboard.chart.ChartPalette;
import org.etlsuite.dashboard.chart.ChartView;
import org.etlsuite.dashboard.chart.Charts;
import org.etlsuite.dashboard.chart.DashboardChart;
import org.etlsuite.dashboard.chart.PointSeries;
import org.etlsuite.dashboard.chart.TimeLine;
import org.jfree.chart.JFreeChart;

/**
 * The charts of the urban page; each zone has its colour of the palette's zone map on all of them. The noise chart
 * is over the whole file; the two time charts follow the page's time range and zone.
 */
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
            String vehicles = kpis.showsHours(view.range()) ? "Mean vehicle count per hour" : "Daily mean vehicle count";
            List<PointSeries> series = kpis.byZone(view.range(), view.series()).stream()
                    .map(zone -> new PointSeries(zone.zone(),
                            zone.buckets().stream().map(bucket -> new PointSeries.Point(bucket.vehicleCount(), bucket.pollutionIdx())).toList(),
                            ChartPalette.zoneColor(zone.zone())))
                    .toList();
            return Charts.scatter("Zone", vehicles, "Mean pollution index", series);
        }

        @Override
        public ChartView drawnWith(ChartView requested) {
            return requested;
        }
    },

    POLLUTION_OVER_TIME {
        @Override
        public JFreeChart build(UrbanKpis kpis, ChartView view) {
            List<TimeLine> lines = kpis.byZone(view.range(), view.series()).stream()
                    .map(zone -> new TimeLine(zone.zone(),
                            zone.buckets().stream().map(bucket -> new TimeLine.Point(bucket.start(), bucket.pollutionIdx())).toList(),
                            ChartPalette.zoneColor(zone.zone())))
                    .toList();
            return Charts.timeLines("Zone", "Mean pollution index", lines, kpis.showsHours(view.range()));
        }

        @Override
        public ChartView drawnWith(ChartView requested) {
            return requested;
        }
    }
}
