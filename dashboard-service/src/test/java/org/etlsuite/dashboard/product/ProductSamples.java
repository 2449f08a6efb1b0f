package org.etlsuite.dashboard.product;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import org.etlsuite.dashboard.page.TestFiles;
import org.etlsuite.model.kpi.ProductKpiFiles;

/**
 * Small product files that agree with each other: 6,500 views, 2,000 add-to-cart, 1,000
 * remove-from-cart and 500 purchases worth 95,135.30 in all, split by category, by platform and by
 * hour. The categories and platforms are deliberately not in alphabetical order, and the revenues
 * have cents that a sum in binary floating point would not keep exactly.
 */
final class ProductSamples {

    static final String CATEGORIES = """
            category,total_views,total_purchases,total_revenue,total_add_to_cart,total_remove_from_cart
            home,2140,169,8595.00,645,328
            clothing,2210,171,12940.10,690,330
            electronics,2150,160,73600.20,665,342
            """;

    static final String CATEGORIES_HEADER_ONLY =
            "category,total_views,total_purchases,total_revenue,total_add_to_cart,total_remove_from_cart\n";

    static final String FUNNEL = """
            stage,count,conversion_rate
            product_view,6500,
            add_to_cart,2000,
            remove_from_cart,1000,
            purchase,500,
            view_to_cart,,0.3076923076923077
            cart_to_purchase,,0.25
            view_to_purchase,,0.07692307692307693
            """;

    static final String FUNNEL_HEADER_ONLY = "stage,count,conversion_rate\n";

    /** Line 5 has a non-numeric count. */
    static final String FUNNEL_MALFORMED = FUNNEL.replace("purchase,500,", "purchase,lots,");

    static final String PLATFORMS = """
            platform,total_views,total_purchases,total_revenue,total_add_to_cart,total_remove_from_cart
            web,2200,170,30000.00,670,350
            android,2100,160,30000.10,650,320
            ios,2200,170,35135.20,680,330
            """;

    static final String PLATFORMS_HEADER_ONLY =
            "platform,total_views,total_purchases,total_revenue,total_add_to_cart,total_remove_from_cart\n";

    /** Line 3 has a revenue that is no number. */
    static final String PLATFORMS_MALFORMED = PLATFORMS.replace("30000.10", "n/a");

    /**
     * Five hours with purchases over two UTC days: the newest hour is 08:00 on 2025-03-14, so the file ends at 09:00
     * and its first hour, 08:00 on 2025-03-13, lies just outside the last 24 hours.
     */
    static final String REVENUE_HOURLY = """
            day,hour,purchases,revenue
            2025-03-13,8,100,19000.00
            2025-03-13,9,50,9500.35
            2025-03-13,20,150,28000.00
            2025-03-14,7,120,23634.95
            2025-03-14,8,80,15000.00
            """;

    /**
     * Purchases over ten UTC days, more than a week: 150.00 on 2025-03-01, 300.25 on 2025-03-04 (at midnight, the
     * first hour of the last 7 days) and 30.75 on 2025-03-10, whose hour 23 ends the file.
     */
    static final String REVENUE_HOURLY_TEN_DAYS = """
            day,hour,purchases,revenue
            2025-03-01,10,2,100.50
            2025-03-01,15,1,49.50
            2025-03-04,0,3,300.25
            2025-03-10,22,1,10.00
            2025-03-10,23,2,20.75
            """;

    static final String REVENUE_HOURLY_HEADER_ONLY = "day,hour,purchases,revenue\n";

    /** Line 4 names hour 24. */
    static final String REVENUE_HOURLY_MALFORMED = REVENUE_HOURLY.replace("2025-03-13,20,", "2025-03-13,24,");

    private ProductSamples() {
    }

    /** Writes every sample file below {@code dataDir}, with the same last-modified time. */
    static void writeAll(Path dataDir, Instant lastModified) throws IOException {
        writeCategories(dataDir, CATEGORIES, lastModified);
        writeFunnel(dataDir, FUNNEL, lastModified);
        writePlatforms(dataDir, PLATFORMS, lastModified);
        writeRevenueHourly(dataDir, REVENUE_HOURLY, lastModified);
    }

    /** Writes every file with its header only, as the transformer does before the first event. */
    static void writeHeadersOnly(Path dataDir, Instant lastModified) throws IOException {
        writeCategories(dataDir, CATEGORIES_HEADER_ONLY, lastModified);
        writeFunnel(dataDir, FUNNEL_HEADER_ONLY, lastModified);
        writePlatforms(dataDir, PLATFORMS_HEADER_ONLY, lastModified);
        writeRevenueHourly(dataDir, REVENUE_HOURLY_HEADER_ONLY, lastModified);
    }

    static Path writeCategories(Path dataDir, String content, Instant lastModified) throws IOException {
        return TestFiles.write(dataDir.resolve(ProductKpiFiles.Category.RELATIVE_PATH), content, lastModified);
    }

    static Path writeFunnel(Path dataDir, String content, Instant lastModified) throws IOException {
        return TestFiles.write(dataDir.resolve(ProductKpiFiles.Funnel.RELATIVE_PATH), content, lastModified);
    }

    static Path writePlatforms(Path dataDir, String content, Instant lastModified) throws IOException {
        return TestFiles.write(dataDir.resolve(ProductKpiFiles.Platform.RELATIVE_PATH), content, lastModified);
    }

    static Path writeRevenueHourly(Path dataDir, String content, Instant lastModified) throws IOException {
        return TestFiles.write(dataDir.resolve(ProductKpiFiles.RevenueHourly.RELATIVE_PATH), content, lastModified);
    }
}
