package org.etlsuite.dashboard.transport;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.etlsuite.dashboard.chart.Bar;
import org.etlsuite.dashboard.chart.BarSeries;
import org.etlsuite.dashboard.chart.ChartPalette;
import org.etlsuite.dashboard.chart.ChartView;
import org.etlsuite.dashboard.chart.Charts;
import org.etlsuite.dashboard.chart.DashboardChart;
import org.etlsuite.dashboard.chart.DayValue;
import org.jfree.chart.JFreeChart;

/**
 * The charts of the transportation page. A chart of one measure uses the first palette colour; the fares chart has
 * a colour per payment method, handed out in the order of their names.
 */
enum TransportChart implements DashboardChart<TransportKpis> {

    DAILY_PASSENGERS {
        @Override
        public JFreeChart build(TransportKpis kpis, ChartView view) {
            List<DayValue> days = kpis.days(view.range()).stream().map(day -> new DayValue(day.day(), day.passengers())).toList();
            return Charts.daily("Passengers", days, ChartPalette.color(0));
        }

        @Override
        public ChartView drawnWith(ChartView requested) {
            return ChartView.of(requested.range());
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
    },

    TRIPS_BY_ROUTE_TYPE {
        @Override
        public JFreeChart build(TransportKpis kpis, ChartView view) {
            List<Bar> bars = kpis.routes().stream()
                    .map(route -> new Bar(route.routeType(), route.trips(), ChartPalette.color(0)))
                    .toList();
            // route type names ("Urban/Metropolitan Circuito") have the whole left margin to wrap in
            return Charts.horizontalBars("Route type", "Trips", bars, "#,##0");
        }
    },

    TRIPS_BY_FARE {
        @Override
        public JFreeChart build(TransportKpis kpis, ChartView view) {
            List<String> methods = kpis.paymentMethods();
            List<BarSeries> series = methods.stream()
                    .map(method -> new BarSeries(method, tripsByFareType(kpis, method), ChartPalette.color(methods.indexOf(method))))
                    .toList();
            return Charts.groupedBars("Fare type", "Payment method", "Trips", kpis.fareTypes(), series, "#,##0");
        }

        private Map<String, Double> tripsByFareType(TransportKpis kpis, String paymentMethod) {
            return kpis.fares().stream()
                    .filter(fare -> fare.paymentMethod().equals(paymentMethod))
                    .collect(Collectors.toMap(FareTrips::fareType, fare -> (double) fare.trips()));
        }
    }
}
