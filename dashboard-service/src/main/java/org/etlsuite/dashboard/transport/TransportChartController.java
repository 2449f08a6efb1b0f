package org.etlsuite.dashboard.transport;

import org.etlsuite.dashboard.chart.ChartView;
import org.etlsuite.dashboard.chart.PngResponses;
import org.etlsuite.dashboard.chart.SvgResponses;
import org.etlsuite.dashboard.chart.TimeRange;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Server-drawn charts (PNG and SVG) of the transportation page; 404 while there is no data to draw. The daily chart
 * is drawn for the time range of the page it belongs to, 400 for a range there is not.
 */
@RestController
class TransportChartController {

    private final TransportDashboardService dashboard;

    TransportChartController(TransportDashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/charts/transport/daily-passengers.png")
    ResponseEntity<byte[]> dailyPassengers(@RequestParam(name = TimeRange.PARAMETER, required = false) String range) {
        return PngResponses.pngOrNotFound(dashboard.chart(TransportChart.DAILY_PASSENGERS, ChartView.ofRange(range)));
    }

    @GetMapping("/charts/transport/top-boarding-areas.png")
    ResponseEntity<byte[]> topBoardingAreas() {
        return PngResponses.pngOrNotFound(dashboard.chart(TransportChart.TOP_BOARDING_AREAS, ChartView.WHOLE));
    }

    @GetMapping("/charts/transport/trips-by-route-type.png")
    ResponseEntity<byte[]> tripsByRouteType() {
        return PngResponses.pngOrNotFound(dashboard.chart(TransportChart.TRIPS_BY_ROUTE_TYPE, ChartView.WHOLE));
    }

    @GetMapping("/charts/transport/trips-by-fare.png")
    ResponseEntity<byte[]> tripsByFare() {
        return PngResponses.pngOrNotFound(dashboard.chart(TransportChart.TRIPS_BY_FARE, ChartView.WHOLE));
    }

    @GetMapping("/charts/transport/daily-passengers.svg")
    ResponseEntity<String> dailyPassengersSvg(@RequestParam(name = TimeRange.PARAMETER, required = false) String range) {
        return SvgResponses.svgOrNotFound(dashboard.figure(TransportChart.DAILY_PASSENGERS, ChartView.ofRange(range)));
    }

    @GetMapping("/charts/transport/top-boarding-areas.svg")
    ResponseEntity<String> topBoardingAreasSvg() {
        return SvgResponses.svgOrNotFound(dashboard.figure(TransportChart.TOP_BOARDING_AREAS, ChartView.WHOLE));
    }

    @GetMapping("/charts/transport/trips-by-route-type.svg")
    ResponseEntity<String> tripsByRouteTypeSvg() {
        return SvgResponses.svgOrNotFound(dashboard.figure(TransportChart.TRIPS_BY_ROUTE_TYPE, ChartView.WHOLE));
    }

    @GetMapping("/charts/transport/trips-by-fare.svg")
    ResponseEntity<String> tripsByFareSvg() {
        return SvgResponses.svgOrNotFound(dashboard.figure(TransportChart.TRIPS_BY_FARE, ChartView.WHOLE));
    }
}
