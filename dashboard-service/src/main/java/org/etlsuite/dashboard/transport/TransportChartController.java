package org.etlsuite.dashboard.transport;

import org.etlsuite.dashboard.chart.ChartView;
import org.etlsuite.dashboard.chart.PngResponses;
import org.etlsuite.dashboard.chart.SvgResponses;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Server-drawn charts (PNG and SVG) of the transportation page; 404 while there is no data to draw. */
@RestController
class TransportChartController {

    private final TransportDashboardService dashboard;

    TransportChartController(TransportDashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/charts/transport/daily-passengers.png")
    ResponseEntity<byte[]> dailyPassengers() {
        return PngResponses.pngOrNotFound(dashboard.chart(TransportChart.DAILY_PASSENGERS, ChartView.WHOLE));
    }

    @GetMapping("/charts/transport/top-boarding-areas.png")
    ResponseEntity<byte[]> topBoardingAreas() {
        return PngResponses.pngOrNotFound(dashboard.chart(TransportChart.TOP_BOARDING_AREAS, ChartView.WHOLE));
    }

    @GetMapping("/charts/transport/daily-passengers.svg")
    ResponseEntity<String> dailyPassengersSvg() {
        return SvgResponses.svgOrNotFound(dashboard.figure(TransportChart.DAILY_PASSENGERS, ChartView.WHOLE));
    }

    @GetMapping("/charts/transport/top-boarding-areas.svg")
    ResponseEntity<String> topBoardingAreasSvg() {
        return SvgResponses.svgOrNotFound(dashboard.figure(TransportChart.TOP_BOARDING_AREAS, ChartView.WHOLE));
    }
}
