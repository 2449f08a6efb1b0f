package org.etlsuite.transformer.stream;

import org.etlsuite.model.kpi.DataQualityKpiFile;

/** What happened to an input record; every record is counted under exactly one metric. */
public enum QualityMetric {

    /** Passed every rule and was not a duplicate: written to {@code <topic>.processed}. */
    ACCEPTED(DataQualityKpiFile.ACCEPTED),

    /** Broke a data-quality rule (the rule column names it): written to {@code <topic>.DLT}. */
    REJECTED(DataQualityKpiFile.REJECTED),

    /** Its event id was seen within the de-duplication window: dropped. */
    DUPLICATE(DataQualityKpiFile.DUPLICATE),

    /** Its bytes are not an event of the stream (the rule column holds the {@link DecodeError}): written to {@code <topic>.DLT}. */
    UNDECODABLE(DataQualityKpiFile.UNDECODABLE);

    private final String label;

    QualityMetric(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static QualityMetric ofLabel(String label) {
        for (QualityMetric metric : values()) {
            if (metric.label.equals(label)) {
                return metric;
            }
        }
        throw new IllegalArgumentException("Unknown data-quality metric '" + label + "'");
    }
}
