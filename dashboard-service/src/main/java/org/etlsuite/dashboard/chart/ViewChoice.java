package org.etlsuite.dashboard.chart;

/**
 * One link among the choices of a {@link ChartView}, e.g. "7 days".
 *
 * @param current whether the page shows this choice now
 * @param color   the colour of the series the link chooses, as CSS hex, so that the choices are the chart's legend;
 *                null for a choice without one
 */
public record ViewChoice(String label, String href, boolean current, String color) {
}
