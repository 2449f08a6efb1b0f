package org.etlsuite.dashboard.chart;

import java.text.DateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.AbstractXYItemLabelGenerator;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The data of a chart as a table, for whoever cannot see or point at the drawing (keyboard and screen-reader
 * users). It is read back out of the very chart that is drawn, with the number formats of its tooltips, so that
 * drawing, tooltips and table show the same numbers by construction.
 *
 * @param headers      one per column: what the bars or series are, then the values, named as the chart's axes
 * @param labelColumns how many of the first columns name a row (a category, a series, an hour or day) rather than
 *                     hold a value: a page heads each row with them, and aligns only the values as numbers
 * @param rows         one per bar or point, in the chart's order, formatted as its tooltip formats them
 */
public record ChartTable(List<String> headers, int labelColumns, List<List<String>> rows) {

    public ChartTable {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        if (labelColumns < 0 || labelColumns > headers.size()) {
            throw new IllegalArgumentException("labelColumns " + labelColumns + " is not between 0 and the " + headers.size()
                    + " columns");
        }
    }

    /** Whether the column (from 0) names its rows, else holds values. */
    public boolean label(int column) {
        return column < labelColumns;
    }

    /**
     * The rows as HTML table rows, a line each: the label columns as row headers, the values as numbers (the page's
     * {@code num} class). Cells are escaped as Thymeleaf escapes text.
     */
    public String rowsHtml() {
        StringBuilder html = new StringBuilder(rows.size() * 96);
        for (List<String> row : rows) {
            html.append("<tr>");
            for (int column = 0; column < row.size(); column++) {
                html.append(label(column) ? "<th scope=\"row\">" : "<td class=\"num\">");
                escape(row.get(column), html);
                html.append(label(column) ? "</th>" : "</td>");
            }
            html.append("</tr>\n");
        }
        return html.toString();
    }

    private static void escape(String text, StringBuilder html) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
    }

    /** The data of a chart built by {@link Charts}. */
    static ChartTable of(JFreeChart chart) {
        return switch (chart.getPlot()) {
            case CategoryPlot plot -> bars(plot);
            case XYPlot plot -> points(plot);
            default -> throw new IllegalArgumentException("not a chart of Charts: " + chart.getPlot().getPlotType());
        };
    }

    private static ChartTable bars(CategoryPlot plot) {
        CategoryDataset data = plot.getDataset();
        if (data instanceof Charts.GroupedBarsDataset grouped) {
            return groupedBars(plot, grouped);
        }
        StandardCategoryToolTipGenerator toolTips = (StandardCategoryToolTipGenerator) plot.getRenderer().getDefaultToolTipGenerator();
        List<List<String>> rows = new ArrayList<>();
        for (int row = 0; row < data.getRowCount(); row++) {
            for (int column = 0; column < data.getColumnCount(); column++) {
                rows.add(List.of(data.getColumnKey(column).toString(), toolTips.getNumberFormat().format(data.getValue(row, column))));
            }
        }
        return new ChartTable(List.of(plot.getDomainAxis().getLabel(), plot.getRangeAxis().getLabel()), 1, rows);
    }

    /** A row per bar, group by group as drawn, naming its category and its series; a gap in a group has no row. */
    private static ChartTable groupedBars(CategoryPlot plot, Charts.GroupedBarsDataset data) {
        StandardCategoryToolTipGenerator toolTips = (StandardCategoryToolTipGenerator) plot.getRenderer().getDefaultToolTipGenerator();
        List<List<String>> rows = new ArrayList<>();
        for (int column = 0; column < data.getColumnCount(); column++) {
            for (int row = 0; row < data.getRowCount(); row++) {
                Number value = data.getValue(row, column);
                if (value != null) {
                    rows.add(List.of(data.getColumnKey(column).toString(), data.getRowKey(row).toString(),
                            toolTips.getNumberFormat().format(value)));
                }
            }
        }
        // the category and the series together name a bar
        return new ChartTable(List.of(plot.getDomainAxis().getLabel(), data.seriesLabel(), plot.getRangeAxis().getLabel()), 2, rows);
    }

    private static ChartTable points(XYPlot plot) {
        XYDataset data = plot.getDataset();
        AbstractXYItemLabelGenerator toolTips = (AbstractXYItemLabelGenerator) plot.getRenderer().getDefaultToolTipGenerator();
        // Charts.scatter names what its series are; a chart of a single series has no column for it
        String seriesLabel = data instanceof XYSeriesCollection series && series.getSeriesCount() > 0
                ? series.getSeries(0).getDescription() : null;
        List<String> headers = new ArrayList<>();
        if (seriesLabel != null) {
            headers.add(seriesLabel);
        }
        headers.add(plot.getDomainAxis().getLabel());
        headers.add(plot.getRangeAxis().getLabel());
        List<List<String>> rows = new ArrayList<>();
        for (int series = 0; series < data.getSeriesCount(); series++) {
            for (int item = 0; item < data.getItemCount(series); item++) {
                List<String> row = new ArrayList<>(3);
                if (seriesLabel != null) {
                    row.add(data.getSeriesKey(series).toString());
                }
                row.add(x(toolTips, data.getXValue(series, item)));
                row.add(toolTips.getYFormat().format(data.getYValue(series, item)));
                rows.add(row);
            }
        }
        // a time names its point, as the series does; the x of a scatter chart is a value
        int labelColumns = (seriesLabel != null ? 1 : 0) + (toolTips.getXDateFormat() != null ? 1 : 0);
        return new ChartTable(headers, labelColumns, rows);
    }

    private static String x(AbstractXYItemLabelGenerator toolTips, double x) {
        DateFormat dates = toolTips.getXDateFormat();
        return dates != null ? dates.format(new Date((long) x)) : toolTips.getXFormat().format(x);
    }
}
