package org.etlsuite.dashboard.product;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The content of {@code processed_product/product_events_clean_kpi_funnel.csv}.
 *
 * @param stages      the stage rows in file (funnel) order
 * @param conversions the conversion rows' rates; empty where the file leaves the rate empty
 *                    (no events in the denominator stage); conversions the file lacks are left out
 */
record ProductFunnel(List<FunnelStage> stages, Map<FunnelConversion, OptionalDouble> conversions) {

    static final ProductFunnel EMPTY = new ProductFunnel(List.of(), Map.of());

    ProductFunnel {
        stages = List.copyOf(stages);
        conversions = conversions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(conversions));
    }

    /** One stage of the funnel: the number of events of one event type. */
    record FunnelStage(String stage, long count) {
    }
}
