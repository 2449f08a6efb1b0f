package org.etlsuite.dashboard.product;

import java.time.LocalDateTime;
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
import org.etlsuite.model.kpi.ProductKpiFiles.Platform;
import org.etlsuite.model.kpi.ProductKpiFiles.RevenueHourly;

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

    /** The platforms in file order; the same counts as the categories'. */
    static List<PlatformKpi> platforms(CsvTable table) {
        return table.rows(Platform.HEADER, record -> new PlatformKpi(
                record.getNonBlank(Platform.PLATFORM),
                record.getCount(Category.TOTAL_VIEWS),
                record.getCount(Category.TOTAL_PURCHASES),
                record.getDecimal(Category.TOTAL_REVENUE),
                record.getCount(Category.TOTAL_ADD_TO_CART),
                record.getCount(Category.TOTAL_REMOVE_FROM_CART)));
    }

    /**
     * The hours with a purchase, in file order. The writer lists them by day, then hour, each once; a row that
     * does not come after the one before would be drawn twice or out of place, so it breaks the file.
     */
    static List<HourRevenue> revenueHours(CsvTable table) {
        if (!table.hasHeader()) {
            return List.of();
        }
        table.requireColumns(RevenueHourly.HEADER.toArray(String[]::new));
        List<HourRevenue> hours = new ArrayList<>();
        for (CsvRecord record : table.records()) {
            long hour = record.getLong(RevenueHourly.HOUR);
            if (hour < 0 || hour > 23) {
                throw record.error("column '" + RevenueHourly.HOUR + "': " + hour + " is not an hour of the day (0 to 23)");
            }
            LocalDateTime start = record.getDate(RevenueHourly.DAY).atTime((int) hour, 0);
            if (!hours.isEmpty() && !start.isAfter(hours.getLast().start())) {
                throw record.error("hour " + hour + " of " + start.toLocalDate() + " does not come after the row before"
                        + " (hour " + hours.getLast().start().getHour() + " of " + hours.getLast().start().toLocalDate()
                        + "); the rows go by day, then hour, each hour once");
            }
            hours.add(new HourRevenue(start, record.getCount(RevenueHourly.PURCHASES), record.getDecimal(RevenueHourly.REVENUE)));
        }
        return hours;
    }
}
