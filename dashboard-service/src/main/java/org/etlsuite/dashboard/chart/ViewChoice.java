package org.etlsuite.dashboard.chart;

/**
 * One link among the choices of a {@link ChartView}, e.g. "7 days".
 *
 * @param current whether the page shows this choice now
 */
public record ViewChoice(String label, String href, boolean current) {
}
