package org.etlsuite.dashboard.chart;

import java.awt.Color;

/** One bar of a {@link Charts#bars bar chart}. */
public record Bar(String label, double value, Color color) {
}
