package org.etlsuite.model.kpi;

import java.util.List;

/**
 * The data-quality file: written by the transformer, for the dashboard and for operators. One row per
 * (stream, metric, rule), cumulative over every record the transformer consumed; for each stream the
 * counts add up to the records read from its topic.
 */
public final class DataQualityKpiFile {

    /** Below the shared data directory. */
    public static final String RELATIVE_PATH = "processed/data_quality.csv";

    /** Input topic the counts are about, e.g. {@code urban-sensors}. */
    public static final String STREAM = "stream";
    /** One of {@link #ACCEPTED}, {@link #REJECTED}, {@link #DUPLICATE}, {@link #UNDECODABLE}. */
    public static final String METRIC = "metric";
    /** The broken rule for {@code rejected}, the kind of failure for {@code undecodable}, empty otherwise. */
    public static final String RULE = "rule";
    /** Number of records. */
    public static final String COUNT = "count";

    /** Column order of the file. */
    public static final List<String> HEADER = List.of(STREAM, METRIC, RULE, COUNT);

    /** Records that passed every rule and were not duplicates: the ones in {@code <topic>.processed}. */
    public static final String ACCEPTED = "accepted";
    /** Records that broke a data-quality rule (sent to the dead-letter topic). */
    public static final String REJECTED = "rejected";
    /** Records dropped because an earlier record had the same event id within the de-duplication window. */
    public static final String DUPLICATE = "duplicate";
    /** Records whose bytes are not a readable event (sent to the dead-letter topic). */
    public static final String UNDECODABLE = "undecodable";

    private DataQualityKpiFile() {
    }
}
