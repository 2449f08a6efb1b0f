package org.etlsuite.transformer.product;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.streams.KeyValue;
import org.etlsuite.events.product.EventType;
import org.etlsuite.events.product.Platform;
import org.etlsuite.events.product.ProductCategory;
import org.etlsuite.events.product.ProductEventProcessed;
import org.etlsuite.model.kpi.ProductKpiFiles;
import org.etlsuite.model.product.ProductDisplayNames;
import org.etlsuite.transformer.csv.CsvDocument;
import org.etlsuite.transformer.kpi.Tally;

import static org.etlsuite.transformer.csv.CsvFormat.decimal;
import static org.etlsuite.transformer.kpi.KpiFormat.money;

/**
 * The product KPIs: which cells of the KPI table an accepted event counts in, and the files built
 * from the table. Cells (key → what the {@link Tally} sums; units are unused):
 * <ul>
 * <li>{@code category|<ProductCategory>|<EventType>}: events, purchase_amount (0 except on purchases)</li>
 * <li>{@code platform|<Platform>|<EventType>}: the same per platform</li>
 * <li>{@code hourly|<yyyy-MM-dd>|<hour>}: purchases only, and their purchase_amount</li>
 * </ul>
 * The funnel is the category cells summed over categories, so it always agrees with the category file.
 */
public final class ProductKpis {

    static final String CATEGORY = "category";
    static final String PLATFORM = "platform";
    static final String HOURLY = "hourly";
    private static final String SEPARATOR = "|";

    private ProductKpis() {
    }

    /** The cells one accepted event counts in. */
    public static List<KeyValue<String, Tally>> cells(ProductEventProcessed event) {
        Tally one = Tally.of(0, event.getPurchaseAmount());
        List<KeyValue<String, Tally>> cells = new ArrayList<>(3);
        cells.add(KeyValue.pair(String.join(SEPARATOR, CATEGORY, event.getCategory().name(), event.getEventType().name()), one));
        cells.add(KeyValue.pair(String.join(SEPARATOR, PLATFORM, event.getPlatform().name(), event.getEventType().name()), one));
        if (event.getEventType() == EventType.PURCHASE) {
            cells.add(KeyValue.pair(String.join(SEPARATOR, HOURLY, event.getDay().toString(), Integer.toString(event.getHour())), one));
        }
        return cells;
    }

    /** {@code product_events_clean_kpi_category.csv}: one row per category seen, by category name. */
    public static CsvDocument categoryDocument(Map<String, Tally> table) {
        Map<String, Map<EventType, Tally>> byCategory = new TreeMap<>();
        for (var cell : table.entrySet()) {
            String[] key = cell.getKey().split("\\|", -1);
            if (key[0].equals(CATEGORY)) {
                byCategory.computeIfAbsent(ProductDisplayNames.displayName(ProductCategory.valueOf(key[1])), c -> new EnumMap<>(EventType.class))
                        .merge(EventType.valueOf(key[2]), cell.getValue(), Tally::plus);
            }
        }
        return countsDocument(ProductKpiFiles.Category.HEADER, byCategory);
    }

    /** {@code product_events_clean_kpi_platform.csv}: one row per platform seen, by platform name. */
    public static CsvDocument platformDocument(Map<String, Tally> table) {
        Map<String, Map<EventType, Tally>> byPlatform = new TreeMap<>();
        for (var cell : table.entrySet()) {
            String[] key = cell.getKey().split("\\|", -1);
            if (key[0].equals(PLATFORM)) {
                byPlatform.computeIfAbsent(ProductDisplayNames.displayName(Platform.valueOf(key[1])), p -> new EnumMap<>(EventType.class))
                        .merge(EventType.valueOf(key[2]), cell.getValue(), Tally::plus);
            }
        }
        return countsDocument(ProductKpiFiles.Platform.HEADER, byPlatform);
    }

    /**
     * {@code product_events_clean_kpi_funnel.csv}: header only while no event was accepted; otherwise the four
     * stages in funnel order with their event counts (0 included), then the conversion rows as defined in
     * {@link ProductKpiFiles.Funnel}: view_to_cart = add_to_cart / product_view, cart_to_purchase =
     * purchase / add_to_cart, view_to_purchase = purchase / product_view (ratios of event counts, empty
     * when the denominator is 0).
     */
    public static CsvDocument funnelDocument(Map<String, Tally> table) {
        Map<EventType, Long> counts = new EnumMap<>(EventType.class);
        for (var cell : table.entrySet()) {
            String[] key = cell.getKey().split("\\|", -1);
            if (key[0].equals(CATEGORY)) {
                counts.merge(EventType.valueOf(key[2]), cell.getValue().count(), Long::sum);
            }
        }
        if (counts.isEmpty()) {
            return new CsvDocument(ProductKpiFiles.Funnel.HEADER, List.of(), 0);
        }
        List<List<String>> rows = new ArrayList<>();
        long events = 0;
        for (EventType type : EventType.values()) {
            long count = counts.getOrDefault(type, 0L);
            events += count;
            rows.add(List.of(ProductDisplayNames.displayName(type), Long.toString(count), ""));
        }
        long views = counts.getOrDefault(EventType.PRODUCT_VIEW, 0L);
        long carts = counts.getOrDefault(EventType.ADD_TO_CART, 0L);
        long purchases = counts.getOrDefault(EventType.PURCHASE, 0L);
        rows.add(List.of(ProductKpiFiles.Funnel.VIEW_TO_CART, "", rate(carts, views)));
        rows.add(List.of(ProductKpiFiles.Funnel.CART_TO_PURCHASE, "", rate(purchases, carts)));
        rows.add(List.of(ProductKpiFiles.Funnel.VIEW_TO_PURCHASE, "", rate(purchases, views)));
        return new CsvDocument(ProductKpiFiles.Funnel.HEADER, rows, events);
    }

    /** {@code product_events_clean_kpi_revenue_hourly.csv}: one row per UTC hour with a purchase, by day then hour. */
    public static CsvDocument revenueHourlyDocument(Map<String, Tally> table) {
        record Hour(LocalDate day, int hour) implements Comparable<Hour> {
            @Override
            public int compareTo(Hour other) {
                int byDay = day.compareTo(other.day);
                return byDay != 0 ? byDay : Integer.compare(hour, other.hour);
            }
        }
        Map<Hour, Tally> byHour = new TreeMap<>();
        for (var cell : table.entrySet()) {
            String[] key = cell.getKey().split("\\|", -1);
            if (key[0].equals(HOURLY)) {
                byHour.merge(new Hour(LocalDate.parse(key[1]), Integer.parseInt(key[2])), cell.getValue(), Tally::plus);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        long purchases = 0;
        for (var entry : byHour.entrySet()) {
            purchases += entry.getValue().count();
            rows.add(List.of(entry.getKey().day().toString(), Integer.toString(entry.getKey().hour()),
                    Long.toString(entry.getValue().count()), money(entry.getValue().amount())));
        }
        return new CsvDocument(ProductKpiFiles.RevenueHourly.HEADER, rows, purchases);
    }

    /** Rows name, views, purchases, revenue (of purchases), add_to_cart, remove_from_cart. */
    private static CsvDocument countsDocument(List<String> header, Map<String, Map<EventType, Tally>> groups) {
        List<List<String>> rows = new ArrayList<>();
        long events = 0;
        for (var group : groups.entrySet()) {
            Map<EventType, Tally> byType = group.getValue();
            for (Tally tally : byType.values()) {
                events += tally.count();
            }
            Tally purchases = byType.get(EventType.PURCHASE);
            rows.add(List.of(group.getKey(),
                    Long.toString(count(byType, EventType.PRODUCT_VIEW)),
                    Long.toString(count(byType, EventType.PURCHASE)),
                    money(purchases == null ? BigDecimal.ZERO : purchases.amount()),
                    Long.toString(count(byType, EventType.ADD_TO_CART)),
                    Long.toString(count(byType, EventType.REMOVE_FROM_CART))));
        }
        return new CsvDocument(header, rows, events);
    }

    private static long count(Map<EventType, Tally> byType, EventType type) {
        Tally tally = byType.get(type);
        return tally == null ? 0 : tally.count();
    }

    private static String rate(long numerator, long denominator) {
        return denominator == 0 ? "" : decimal(Tally.ratio(numerator, denominator));
    }
}
