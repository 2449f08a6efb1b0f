package org.etlsuite.dashboard.product;

import java.util.List;

import org.etlsuite.dashboard.page.DashboardPage;

/**
 * What the products template shows of its own, already formatted: the summary of a ready
 * {@link DashboardPage}. The page's other variants are the same on every dashboard.
 */
final class ProductPage {

    private ProductPage() {
    }

    record Summary(
            String totalRevenue,
            String totalPurchases,
            String totalViews,
            String viewToPurchase,
            String averageOrderValue,
            String categoryCount,
            String lastUpdated,
            List<CategoryRow> categories,
            List<ConversionRow> conversions,
            List<PlatformRow> platforms) {

        Summary {
            categories = List.copyOf(categories);
            conversions = List.copyOf(conversions);
            platforms = List.copyOf(platforms);
        }
    }

    /** One line of the table next to the revenue chart. */
    record CategoryRow(String category, String revenue, String views, String purchases, String addToCart) {
    }

    /** One line of the table next to the platform chart. */
    record PlatformRow(String platform, String revenue, String views, String purchases) {
    }

    /** One conversion of the funnel table. */
    record ConversionRow(String label, String formula, String rate) {
    }
}
