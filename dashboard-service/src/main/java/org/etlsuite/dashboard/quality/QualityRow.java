package org.etlsuite.dashboard.quality;

/**
 * One row of {@code processed/data_quality.csv}: how many records of a stream ended with a metric and, for
 * rejected and undecodable records, a rule.
 *
 * @param rule the broken rule (rejected) or kind of decode failure (undecodable); empty otherwise
 */
record QualityRow(String stream, QualityMetric metric, String rule, long count) {
}
