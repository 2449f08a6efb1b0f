package org.etlsuite.dashboard.product;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import org.etlsuite.dashboard.page.TestFiles;
import org.etlsuite.model.kpi.ProductKpiFiles;

/**
 * Two small product files that agree with each other: 6,500 views, 2,000 add-to-cart, 1,000
 * remove-from-cart and 500 purchases worth 95,135.30 in all. The categories are deliberately not
 * in alphabetical order, and the revenues have cents that a sum in binary floating point would
 * not keep exactly.
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

    private ProductSamples() {
    }

    /** Writes both sample files below {@code dataDir}, with the same last-modified time. */
    static void writeAll(Path dataDir, Instant lastModified) throws IOException {
        writeCategories(dataDir, CATEGORIES, lastModified);
        writeFunnel(dataDir, FUNNEL, lastModified);
    }

    /** Writes both files with their header only, as the transformer does before the first event. */
    static void writeHeadersOnly(Path dataDir, Instant lastModified) throws IOException {
        writeCategories(dataDir, CATEGORIES_HEADER_ONLY, lastModified);
        writeFunnel(dataDir, FUNNEL_HEADER_ONLY, lastModified);
    }

    static Path writeCategories(Path dataDir, String content, Instant lastModified) throws IOException {
        return TestFiles.write(dataDir.resolve(ProductKpiFiles.Category.RELATIVE_PATH), content, lastModified);
    }

    static Path writeFunnel(Path dataDir, String content, Instant lastModified) throws IOException {
        return TestFiles.write(dataDir.resolve(ProductKpiFiles.Funnel.RELATIVE_PATH), content, lastModified);
    }
}
