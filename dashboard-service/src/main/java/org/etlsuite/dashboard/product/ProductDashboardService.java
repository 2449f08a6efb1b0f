package org.etlsuite.dashboard.product;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

import org.etlsuite.dashboard.EtlProperties;
import org.etlsuite.dashboard.csv.CachedCsvFile;
import org.etlsuite.dashboard.csv.CsvFileSnapshot;
import org.etlsuite.model.kpi.ProductKpiFiles;
import org.springframework.stereotype.Service;

/** Reads the two product KPI files (each cached per file version) and prepares page and charts. */
@Service
class ProductDashboardService {

    // files stay in UTC (see the shared volume contract), so the page says so explicitly
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final CachedCsvFile<List<CategoryKpi>> categoryFile;
    private final CachedCsvFile<ProductFunnel> funnelFile;
    private final List<String> dataFiles;
    private Complete complete;

    ProductDashboardService(EtlProperties properties) {
        this.categoryFile = new CachedCsvFile<>(properties.resolve(ProductKpiFiles.Category.RELATIVE_PATH), ProductKpiCsv::categories);
        this.funnelFile = new CachedCsvFile<>(properties.resolve(ProductKpiFiles.Funnel.RELATIVE_PATH), ProductKpiCsv::funnel);
        this.dataFiles = Stream.of(categoryFile, funnelFile).map(file -> file.file().toString()).toList();
    }

    ProductPage page() {
        return switch (current()) {
            case Broken broken -> new ProductPage(ProductPage.State.UNREADABLE, dataFiles, broken.errors(), null);
            case Incomplete incomplete -> new ProductPage(ProductPage.State.NO_FILE, dataFiles, List.of(), null);
            case Complete loaded when !loaded.kpis().hasEvents() ->
                    new ProductPage(ProductPage.State.NO_ROWS, dataFiles, List.of(), null);
            case Complete loaded ->
                    new ProductPage(ProductPage.State.READY, dataFiles, List.of(), summary(loaded.kpis(), loaded.lastModified()));
        };
    }

    /** The chart as PNG, or empty while there is nothing to draw. */
    Optional<byte[]> chart(ProductChart chart) {
        if (!(current() instanceof Complete loaded) || !loaded.kpis().hasEvents()) {
            return Optional.empty();
        }
        synchronized (this) {
            return Optional.of(loaded.images().computeIfAbsent(chart, which -> which.png(loaded.kpis())));
        }
    }

    /**
     * The files as they are now. The KPIs (and the charts drawn from them) are kept until one of
     * the files changes: an unchanged file comes back as the very same snapshot.
     */
    private synchronized FileSet current() {
        CsvFileSnapshot<List<CategoryKpi>> categories = categoryFile.current();
        CsvFileSnapshot<ProductFunnel> funnel = funnelFile.current();
        // a broken file is reported even while another is missing: it will not fix itself
        List<String> errors = Stream.of(categories, funnel)
                .<String>mapMulti((snapshot, out) -> {
                    if (snapshot instanceof CsvFileSnapshot.Unreadable<?> unreadable) {
                        out.accept(unreadable.error());
                    }
                })
                .toList();
        if (!errors.isEmpty()) {
            return new Broken(errors);
        }
        if (!(categories instanceof CsvFileSnapshot.Loaded<List<CategoryKpi>> loadedCategories
                && funnel instanceof CsvFileSnapshot.Loaded<ProductFunnel> loadedFunnel)) {
            return new Incomplete();
        }
        if (complete == null || complete.categories() != loadedCategories || complete.funnel() != loadedFunnel) {
            Instant lastModified = Stream.of(loadedCategories.lastModified(), loadedFunnel.lastModified())
                    .max(Instant::compareTo).orElseThrow();
            complete = new Complete(loadedCategories, loadedFunnel, ProductKpis.of(loadedCategories.value(), loadedFunnel.value()),
                    lastModified, new EnumMap<>(ProductChart.class));
        }
        return complete;
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
                        percent(kpis.conversion(conversion))))
                .toList();
        return new ProductPage.Summary(
                String.format(Locale.US, "%,.2f", kpis.totalRevenue()),
                String.format(Locale.US, "%,d", kpis.totalPurchases()),
                String.format(Locale.US, "%,d", kpis.totalViews()),
                percent(kpis.conversion(FunnelConversion.VIEW_TO_PURCHASE)),
                kpis.averageOrderValue().map(average -> String.format(Locale.US, "%,.2f", average)).orElse("n/a"),
                Integer.toString(kpis.categories().size()),
                TIMESTAMP.format(lastModified),
                categories,
                conversions,
                Long.toString(lastModified.toEpochMilli()));
    }

    private static String percent(OptionalDouble rate) {
        // a rate the writer left empty (nothing to divide by) is shown as such rather than as a misleading 0 %
        return rate.isPresent() ? String.format(Locale.ROOT, "%.1f%%", rate.getAsDouble() * 100) : "n/a";
    }

    /** What the two files add up to. */
    private sealed interface FileSet permits Broken, Incomplete, Complete {
    }

    /** At least one file exists but cannot be used. */
    private record Broken(List<String> errors) implements FileSet {
    }

    /** At least one file has not been written yet. */
    private record Incomplete() implements FileSet {
    }

    /** Every file read, with the PNGs already drawn for this version of them. */
    private record Complete(
            CsvFileSnapshot.Loaded<List<CategoryKpi>> categories,
            CsvFileSnapshot.Loaded<ProductFunnel> funnel,
            ProductKpis kpis,
            Instant lastModified,
            Map<ProductChart, byte[]> images) implements FileSet {
    }
}
