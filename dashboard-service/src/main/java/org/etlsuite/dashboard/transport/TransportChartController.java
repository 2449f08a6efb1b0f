package org.etlsuite.dashboard.transport;

import org.etlsuite.dashboard.chart.PngResponses;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Server-drawn PNG charts of the transportation page; 404 while there is no data to draw. */
@RestController
class TransportChartController {

    private final TransportDashboardService dashboard;

    TransportChartController(TransportDashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/charts/transport/daily-passengers.png")
    ResponseEntity<byte[]> dailyPassengers() {
        return png(TransportChart.DAILY_PASSENGERS);
    }

    @GetMapping("/charts/transport/top-boarding-areas.png")
    ResponseEntity<byte[]> topBoardingAreas() {
        return png(TransportChart.TOP_BOARDING_AREAS);
    }

    private ResponseEntity<byte[]> png(TransportChart chart) {
        return dashboard.chart(chart).map(PngResponses::png).orElseGet(() -> ResponseEntity.notFound().build());
    }
}
