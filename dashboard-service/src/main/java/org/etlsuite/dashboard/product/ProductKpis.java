package org.etlsuite.dashboard.product;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The products page's numbers, computed once per version of its files. Totals are sums over
 * the category file (revenue in exact decimals, so the total is exact to the cent); the conversion
 * rates are the funnel file's, which the writer computed from exact counts.
 *
 * <p>Categories and platforms are listed in alphabetical order everywhere.
 */
final class ProductKpis {

    private final List<CategoryKpi> categories;
    private final ProductFunnel funnel;
    private final List<PlatformKpi> platforms;
    private final RevenueTimeline revenue;
    private final BigDecimal totalRevenue;
    private final long totalPurchases;
    private final long totalViews;

    private ProductKpis(List<CategoryKpi> categories, ProductFunnel funnel, List<PlatformKpi> platforms, List<HourRevenue> hours) {
        this.categories = categories.stream().sorted(Comparator.comparing(CategoryKpi::category)).toList();
        this.funnel = funnel;
        this.platforms = platforms.stream().sorted(Comparator.comparing(PlatformKpi::platform)).toList();
        this.revenue = new RevenueTimeline(hours);
        this.totalRevenue = categories.stream().map(CategoryKpi::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
        this.totalPurchases = categories.stream().mapToLong(CategoryKpi::purchases).sum();
        this.totalViews = categories.stream().mapToLong(CategoryKpi::views).sum();
    }

    static ProductKpis of(List<CategoryKpi> categories, ProductFunnel funnel, List<PlatformKpi> platforms, List<HourRevenue> hours) {
        return new ProductKpis(categories, funnel, platforms, hours);
    }

    /**
     * Whether there is anything to show. The writer adds a category with its first event and the
     * funnel's rows with the first event of all, so either one tells.
     */
    boolean hasEvents() {
        return !categories.isEmpty() || funnel.stages().stream().anyMatch(stage -> stage.count() > 0);
    }

    /** Alphabetical. */
    List<CategoryKpi> categories() {
        return categories;
    }

    ProductFunnel funnel() {
        return funnel;
    }

    /** Alphabetical. */
    List<PlatformKpi> platforms() {
        return platforms;
    }

    /** The revenue per hour of the hourly file. */
    RevenueTimeline revenue() {
        return revenue;
    }

    BigDecimal totalRevenue() {
        return totalRevenue;
    }

    long totalPurchases() {
        return totalPurchases;
    }

    long totalViews() {
        return totalViews;
    }

    /** Revenue per purchase, rounded half-up to the cent; empty without purchases. */
    Optional<BigDecimal> averageOrderValue() {
        return totalPurchases == 0 ? Optional.empty()
                : Optional.of(totalRevenue.divide(BigDecimal.valueOf(totalPurchases), 2, RoundingMode.HALF_UP));
    }

    /** The conversion's rate from the funnel file; empty when the file has none (no events in its denominator). */
    OptionalDouble conversion(FunnelConversion conversion) {
        return funnel.conversions().getOrDefault(conversion, OptionalDouble.empty());
    }
}
