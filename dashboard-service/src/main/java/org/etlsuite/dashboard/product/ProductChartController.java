package org.etlsuite.dashboard.product;

import org.etlsuite.dashboard.chart.ChartView;
import org.etlsuite.dashboard.chart.PngResponses;
import org.etlsuite.dashboard.chart.SvgResponses;
import org.etlsuite.dashboard.chart.TimeRange;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Server-drawn charts (PNG and SVG) of the products page; 404 while there is no data to draw. The revenue over time
 * is drawn for the time range the page shows ({@link TimeRange#PARAMETER}), 400 for a range there is not.
 */
@RestController
class ProductChartController {

    private final ProductDashboardService dashboard;

    ProductChartController(ProductDashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/charts/products/revenue-by-category.png")
    ResponseEntity<byte[]> revenueByCategory() {
        return PngResponses.pngOrNotFound(dashboard.chart(ProductChart.REVENUE_BY_CATEGORY, ChartView.WHOLE));
    }

    @GetMapping("/charts/products/funnel.png")
    ResponseEntity<byte[]> funnel() {
        return PngResponses.pngOrNotFound(dashboard.chart(ProductChart.FUNNEL, ChartView.WHOLE));
    }

    @GetMapping("/charts/products/revenue-by-category.svg")
    ResponseEntity<String> revenueByCategorySvg() {
        return SvgResponses.svgOrNotFound(dashboard.figure(ProductChart.REVENUE_BY_CATEGORY, ChartView.WHOLE));
    }

    @GetMapping("/charts/products/funnel.svg")
    ResponseEntity<String> funnelSvg() {
        return SvgResponses.svgOrNotFound(dashboard.figure(ProductChart.FUNNEL, ChartView.WHOLE));
    }

    @GetMapping("/charts/products/revenue-by-hour.png")
    ResponseEntity<byte[]> revenueByHour(@RequestParam(name = TimeRange.PARAMETER, required = false) String range) {
        return PngResponses.pngOrNotFound(dashboard.chart(ProductChart.REVENUE_BY_HOUR, ChartView.ofRange(range)));
    }

    @GetMapping("/charts/products/revenue-by-hour.svg")
    ResponseEntity<String> revenueByHourSvg(@RequestParam(name = TimeRange.PARAMETER, required = false) String range) {
        return SvgResponses.svgOrNotFound(dashboard.figure(ProductChart.REVENUE_BY_HOUR, ChartView.ofRange(range)));
    }

    @GetMapping("/charts/products/revenue-by-platform.png")
    ResponseEntity<byte[]> revenueByPlatform() {
        return PngResponses.pngOrNotFound(dashboard.chart(ProductChart.REVENUE_BY_PLATFORM, ChartView.WHOLE));
    }

    @GetMapping("/charts/products/revenue-by-platform.svg")
    ResponseEntity<String> revenueByPlatformSvg() {
        return SvgResponses.svgOrNotFound(dashboard.figure(ProductChart.REVENUE_BY_PLATFORM, ChartView.WHOLE));
    }
}
