package org.etlsuite.dashboard.product;

import java.time.Instant;
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

/** Reads the two product KPI files (each cached per file version) and prepares page and charts. */
@Service
class ProductDashboardService implements KpiFilePage {

    private final DashboardFiles<ProductKpis, ProductChart> files;

    ProductDashboardService(EtlProperties properties) {
        CachedCsvFile<List<CategoryKpi>> categories =
                new CachedCsvFile<>(properties.dataDir(), ProductKpiFiles.Category.RELATIVE_PATH, ProductKpiCsv::categories);
        CachedCsvFile<ProductFunnel> funnel =
                new CachedCsvFile<>(properties.dataDir(), ProductKpiFiles.Funnel.RELATIVE_PATH, ProductKpiCsv::funnel);
        this.files = new DashboardFiles<>(List.of(categories, funnel),
                contents -> ProductKpis.of(contents.get(categories), contents.get(funnel)),
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
        return new ProductPage.Summary(
                String.format(Locale.US, "%,.2f", kpis.totalRevenue()),
                String.format(Locale.US, "%,d", kpis.totalPurchases()),
                String.format(Locale.US, "%,d", kpis.totalViews()),
                PageFormat.percent(kpis.conversion(FunnelConversion.VIEW_TO_PURCHASE)),
                kpis.averageOrderValue().map(average -> String.format(Locale.US, "%,.2f", average)).orElse("n/a"),
                Integer.toString(kpis.categories().size()),
                PageFormat.timestamp(lastModified),
                categories,
                conversions);
    }
}
