package org.etlsuite.dashboard.chart;

import org.jfree.chart.JFreeChart;

/**
 * One chart as a page shows it: drawn as SVG, whose bars and points carry their values as tooltips, and its data
 * as a table beside it.
 *
 * @param svg       an {@code <svg>} element, to inline in a page or to serve as a document of its own
 * @param table     the data the drawing shows
 * @param tableRows the table's rows as HTML, written once with the drawing: a chart of a week of hours has hundreds
 *                  of rows, which a template would write anew, cell by cell, on every request
 */
public record ChartFigure(String svg, ChartTable table, String tableRows) {

    /** Draws the chart at the given size, and reads its data back out of it. */
    public static ChartFigure of(JFreeChart chart, int width, int height) {
        ChartTable table = ChartTable.of(chart);
        return new ChartFigure(Charts.svg(chart, width, height), table, table.rowsHtml());
    }
}
