package org.etlsuite.dashboard.urban;

import org.etlsuite.dashboard.chart.ChartView;
import org.etlsuite.dashboard.chart.PngResponses;
import org.etlsuite.dashboard.chart.SvgResponses;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Server-drawn charts (PNG and SVG) of the urban page; 404 while there is no data to draw. */
@RestController
class UrbanChartController {

    private final UrbanDashboardService dashboard;

    UrbanChartController(UrbanDashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/charts/urban/noise-by-zone.png")
    ResponseEntity<byte[]> noiseByZone() {
        return PngResponses.pngOrNotFound(dashboard.chart(UrbanChart.NOISE_BY_ZONE, ChartView.WHOLE));
    }

    @GetMapping("/charts/urban/traffic-vs-pollution.png")
    ResponseEntity<byte[]> trafficVsPollution() {
        return PngResponses.pngOrNotFound(dashboard.chart(UrbanChart.TRAFFIC_VS_POLLUTION, ChartView.WHOLE));
    }

    @GetMapping("/charts/urban/noise-by-zone.svg")
    ResponseEntity<String> noiseByZoneSvg() {
        return SvgResponses.svgOrNotFound(dashboard.figure(UrbanChart.NOISE_BY_ZONE, ChartView.WHOLE));
    }

    @GetMapping("/charts/urban/traffic-vs-pollution.svg")
    ResponseEntity<String> trafficVsPollutionSvg() {
        return SvgResponses.svgOrNotFound(dashboard.figure(UrbanChart.TRAFFIC_VS_POLLUTION, ChartView.WHOLE));
    }
}
