package org.etlsuite.model.kpi;

import java.util.List;

/**
 * The product KPI files: written by the transformer, read by the dashboard. Every file is cumulative
 * over every accepted (checked, de-duplicated) product event; money is printed exactly to the cent
 * (two decimals, '.' separator), counts as integers. Rows are sorted as documented per file.
 */
public final class ProductKpiFiles {

    private ProductKpiFiles() {
    }

    /** Per category; the original's three KPI columns first, then the cart counts. Rows by category name. */
    public static final class Category {
        public static final String RELATIVE_PATH = "processed_product/product_events_clean_kpi_category.csv";
        public static final String CATEGORY = "category";
        public static final String TOTAL_VIEWS = "total_views";
        public static final String TOTAL_PURCHASES = "total_purchases";
        /** Sum of purchase_amount of the category's purchases. */
        public static final String TOTAL_REVENUE = "total_revenue";
        public static final String TOTAL_ADD_TO_CART = "total_add_to_cart";
        public static final String TOTAL_REMOVE_FROM_CART = "total_remove_from_cart";
        public static final List<String> HEADER = List.of(CATEGORY, TOTAL_VIEWS, TOTAL_PURCHASES, TOTAL_REVENUE,
                TOTAL_ADD_TO_CART, TOTAL_REMOVE_FROM_CART);

        private Category() {
        }
    }

    /**
     * The funnel: one row per event type in funnel order (product_view, add_to_cart, remove_from_cart,
     * purchase), then three conversion rows. {@code count} is the number of events of the stage; the
     * conversion rows leave it empty. {@code conversion_rate} is empty on stage rows and, on the
     * conversion rows, a ratio of event counts (not of distinct users, which the stream does not track):
     * {@code view_to_cart} = add_to_cart / product_view, {@code cart_to_purchase} = purchase / add_to_cart,
     * {@code view_to_purchase} = purchase / product_view, each as a plain decimal, empty when the
     * denominator is 0.
     */
    public static final class Funnel {
        public static final String RELATIVE_PATH = "processed_product/product_events_clean_kpi_funnel.csv";
        public static final String STAGE = "stage";
        public static final String COUNT = "count";
        public static final String CONVERSION_RATE = "conversion_rate";
        public static final String VIEW_TO_CART = "view_to_cart";
        public static final String CART_TO_PURCHASE = "cart_to_purchase";
        public static final String VIEW_TO_PURCHASE = "view_to_purchase";
        public static final List<String> HEADER = List.of(STAGE, COUNT, CONVERSION_RATE);

        private Funnel() {
        }
    }

    /** Per client platform, the same counts as per category. Rows by platform name. */
    public static final class Platform {
        public static final String RELATIVE_PATH = "processed_product/product_events_clean_kpi_platform.csv";
        public static final String PLATFORM = "platform";
        public static final List<String> HEADER = List.of(PLATFORM, Category.TOTAL_VIEWS, Category.TOTAL_PURCHASES,
                Category.TOTAL_REVENUE, Category.TOTAL_ADD_TO_CART, Category.TOTAL_REMOVE_FROM_CART);

        private Platform() {
        }
    }

    /** Purchases and revenue per UTC hour of the event time; only hours with a purchase have a row. By day, hour. */
    public static final class RevenueHourly {
        public static final String RELATIVE_PATH = "processed_product/product_events_clean_kpi_revenue_hourly.csv";
        public static final String DAY = "day";
        public static final String HOUR = "hour";
        public static final String PURCHASES = "purchases";
        public static final String REVENUE = "revenue";
        public static final List<String> HEADER = List.of(DAY, HOUR, PURCHASES, REVENUE);

        private RevenueHourly() {
        }
    }
}
