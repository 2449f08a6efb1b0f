package org.etlsuite.dashboard.product;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.etlsuite.dashboard.EtlProperties;
import org.etlsuite.dashboard.chart.ChartFigure;
import org.etlsuite.dashboard.chart.ChartView;
import org.etlsuite.dashboard.csv.CachedCsvFile;
import org.etlsuite.dashboard.page.DashboardFiles;
import org.etlsuite.dashboard.page.DashboardPage;
import org.etlsuite.dashboard.page.DataVersion;
import org.etlsuite.dashboard.page.KpiFilePage;
import org.etlsuite.dashboard.page.PageFormat;
import org.etlsuite.model.kpi.ProductKpiFiles;
import org.springframework.stereotype.Service;

/** Reads the product KPI files (each cached per file version) and prepares page and charts. */
@Service
class ProductDashboardService implements KpiFilePage {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final DashboardFiles<ProductKpis, ProductChart> files;

    ProductDashboardService(EtlProperties properties) {
        CachedCsvFile<List<CategoryKpi>> categories =
                new CachedCsvFile<>(properties.dataDir(), ProductKpiFiles.Category.RELATIVE_PATH, ProductKpiCsv::categories);
        CachedCsvFile<ProductFunnel> funnel =
                new CachedCsvFile<>(properties.dataDir(), ProductKpiFiles.Funnel.RELATIVE_PATH, ProductKpiCsv::funnel);
        CachedCsvFile<List<PlatformKpi>> platforms =
                new CachedCsvFile<>(properties.dataDir(), ProductKpiFiles.Platform.RELATIVE_PATH, ProductKpiCsv::platforms);
        CachedCsvFile<List<HourRevenue>> revenueHours =
                new CachedCsvFile<>(properties.dataDir(), ProductKpiFiles.RevenueHourly.RELATIVE_PATH, ProductKpiCsv::revenueHours);
        this.files = new DashboardFiles<>(List.of(categories, funnel, platforms, revenueHours),
                contents -> ProductKpis.of(contents.get(categories), contents.get(funnel), contents.get(platforms),
                        contents.get(revenueHours)),
                ProductKpis::hasEvents, ProductChart.class);
    }

    @Override
    public List<CachedCsvFile<?>> kpiFiles() {
        return files.files();
    }

    @Override
    public String path() {
        return "/products";
    }

    DashboardPage<ProductPage.Summary> page() {
        return files.page(ProductDashboardService::summary);
    }

    /** The version of the page's files as they are now. */
    DataVersion version() {
        return files.version();
    }

    /** The chart as PNG, or empty while there is nothing to draw. */
    Optional<byte[]> chart(ProductChart chart, ChartView view) {
        return files.chart(chart, view);
    }

    /** The chart as SVG with its data, or empty while there is nothing to draw. */
    Optional<ChartFigure> figure(ProductChart chart, ChartView view) {
        return files.figure(chart, view);
    }

    /** Every chart as SVG with its data, by constant name; empty while there is nothing to draw. */
    Map<String, ChartFigure> figures(ChartView view) {
        return files.figures(view);
    }

    /**
     * The period the revenue chart shows in the view, e.g. "per hour from 2025-03-13 09:00 to 2025-03-14 09:00 UTC";
     * empty while there is no purchase (or nothing to show at all).
     */
    Optional<String> revenuePeriod(ChartView view) {
        return files.kpis().flatMap(kpis -> kpis.revenue().shown(view.range())).map(ProductDashboardService::period);
    }

    static String period(RevenueTimeline.Shown shown) {
        if (shown.hourly()) {
            return "per hour from " + HOUR.format(shown.start()) + " to " + HOUR.format(shown.end()) + " UTC";
        }
        return "per UTC day from " + shown.start().toLocalDate() + " to " + shown.end().minusHours(1).toLocalDate()
                + ", each the sum of its hours";
    }

    static ProductPage.Summary summary(ProductKpis kpis, Instant lastModified) {
        List<ProductPage.CategoryRow> categories = kpis.categories().stream()
                .map(category -> new ProductPage.CategoryRow(
                        category.category(),
                        String.format(Locale.US, "%,.2f", category.revenue()),
                        String.format(Locale.US, "%,d", category.views()),
                        String.format(Locale.US, "%,d", category.purchases()),
                        String.format(Locale.US, "%,d", category.addToCart())))
                .toList();
        List<ProductPage.ConversionRow> conversions = Arrays.stream(FunnelConversion.values())
                .map(conversion -> new ProductPage.ConversionRow(conversion.label(), conversion.formula(),
                        PageFormat.percent(kpis.conversion(conversion))))
                .toList();
        List<ProductPage.PlatformRow> platforms = kpis.platforms().stream()
                .map(platform -> new ProductPage.PlatformRow(
                        platform.platform(),
                        String.format(Locale.US, "%,.2f", platform.revenue()),
                        String.format(Locale.US, "%,d", platform.views()),
                        String.format(Locale.US, "%,d", platform.purchases())))
                .toList();
        return new ProductPage.Summary(
                String.format(Locale.US, "%,.2f", kpis.totalRevenue()),
                String.format(Locale.US, "%,d", kpis.totalPurchases()),
                String.format(Locale.US, "%,d", kpis.totalViews()),
                PageFormat.percent(kpis.conversion(FunnelConversion.VIEW_TO_PURCHASE)),
                kpis.averageOrderValue().map(average -> String.format(Locale.US, "%,.2f", average)).orElse("n/a"),
                Integer.toString(kpis.categories().size()),
                PageFormat.timestamp(lastModified),
                categories,
                conversions,
                platforms);
    }
}
