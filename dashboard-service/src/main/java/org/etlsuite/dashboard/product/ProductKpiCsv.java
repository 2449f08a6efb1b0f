package org.etlsuite.dashboard.product;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.etlsuite.dashboard.csv.CsvRecord;
import org.etlsuite.dashboard.csv.CsvTable;
import org.etlsuite.model.kpi.ProductKpiFiles.Category;
import org.etlsuite.model.kpi.ProductKpiFiles.Funnel;

/**
 * Maps the transformer's product KPI files onto rows. A file without even a header counts as "no
 * rows yet"; anything else that breaks the contract throws a
 * {@link org.etlsuite.dashboard.csv.CsvFormatException} naming file and line.
 */
final class ProductKpiCsv {

    private ProductKpiCsv() {
    }

    /** The categories in file order. */
    static List<CategoryKpi> categories(CsvTable table) {
        return table.rows(Category.HEADER, record -> new CategoryKpi(
                record.getNonBlank(Category.CATEGORY),
                record.getCount(Category.TOTAL_VIEWS),
                record.getCount(Category.TOTAL_PURCHASES),
                record.getDecimal(Category.TOTAL_REVENUE),
                record.getCount(Category.TOTAL_ADD_TO_CART),
                record.getCount(Category.TOTAL_REMOVE_FROM_CART)));
    }

    /**
     * The funnel. Rows naming a conversion carry a rate and no count; every other row is a stage
     * and carries a count and no rate, so a stage the writer adds later still shows up.
     */
    static ProductFunnel funnel(CsvTable table) {
        if (!table.hasHeader()) {
            return ProductFunnel.EMPTY;
        }
        table.requireColumns(Funnel.HEADER.toArray(String[]::new));
        List<ProductFunnel.FunnelStage> stages = new ArrayList<>();
        Map<FunnelConversion, OptionalDouble> conversions = new EnumMap<>(FunnelConversion.class);
        for (CsvRecord record : table.records()) {
            String stage = record.getNonBlank(Funnel.STAGE);
            Optional<FunnelConversion> conversion = FunnelConversion.ofStage(stage);
            if (conversion.isPresent()) {
                OptionalDouble rate = record.getOptionalDouble(Funnel.CONVERSION_RATE);
                if (rate.isPresent() && rate.getAsDouble() < 0) {
                    throw record.error("column '" + Funnel.CONVERSION_RATE + "': " + record.get(Funnel.CONVERSION_RATE) + " is negative");
                }
                if (conversions.put(conversion.get(), rate) != null) {
                    throw record.error("conversion '" + stage + "' appears twice");
                }
            } else {
                stages.add(new ProductFunnel.FunnelStage(stage, record.getCount(Funnel.COUNT)));
            }
        }
        return new ProductFunnel(stages, conversions);
    }
}
