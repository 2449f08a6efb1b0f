package org.etlsuite.dashboard.chart;

import java.time.LocalDate;

/** One point of a {@link Charts#daily daily line chart}. */
public record DayValue(LocalDate day, double value) {
}
