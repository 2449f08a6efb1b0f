package org.etlsuite.dashboard.urban;

import org.etlsuite.dashboard.chart.ChartView;
import org.etlsuite.dashboard.chart.PngResponses;
import org.etlsuite.dashboard.chart.SvgResponses;
import org.etlsuite.dashboard.chart.TimeRange;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Server-drawn charts (PNG and SVG) of the urban page, in the time range and for the zone of the query as on the
 * page; 404 while there is no data to draw, 400 for a range or zone that does not exist.
 */
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
    ResponseEntity<byte[]> trafficVsPollution(@RequestParam(name = TimeRange.PARAMETER, required = false) String range,
            @RequestParam(name = ChartView.SERIES_PARAMETER, required = false) String zone) {
        return PngResponses.pngOrNotFound(dashboard.chart(UrbanChart.TRAFFIC_VS_POLLUTION, dashboard.view(range, zone)));
    }

    @GetMapping("/charts/urban/pollution-over-time.png")
    ResponseEntity<byte[]> pollutionOverTime(@RequestParam(name = TimeRange.PARAMETER, required = false) String range,
            @RequestParam(name = ChartView.SERIES_PARAMETER, required = false) String zone) {
        return PngResponses.pngOrNotFound(dashboard.chart(UrbanChart.POLLUTION_OVER_TIME, dashboard.view(range, zone)));
    }

    @GetMapping("/charts/urban/noise-by-zone.svg")
    ResponseEntity<String> noiseByZoneSvg() {
        return SvgResponses.svgOrNotFound(dashboard.figure(UrbanChart.NOISE_BY_ZONE, ChartView.WHOLE));
    }

    @GetMapping("/charts/urban/traffic-vs-pollution.svg")
    ResponseEntity<String> trafficVsPollutionSvg(@RequestParam(name = TimeRange.PARAMETER, required = false) String range,
            @RequestParam(name = ChartView.SERIES_PARAMETER, required = false) String zone) {
        return SvgResponses.svgOrNotFound(dashboard.figure(UrbanChart.TRAFFIC_VS_POLLUTION, dashboard.view(range, zone)));
    }

    @GetMapping("/charts/urban/pollution-over-time.svg")
    ResponseEntity<String> pollutionOverTimeSvg(@RequestParam(name = TimeRange.PARAMETER, required = false) String range,
            @RequestParam(name = ChartView.SERIES_PARAMETER, required = false) String zone) {
        return SvgResponses.svgOrNotFound(dashboard.figure(UrbanChart.POLLUTION_OVER_TIME, dashboard.view(range, zone)));
    }
}
