package org.etlsuite.dashboard.quality;

import java.util.Arrays;
import java.util.Optional;

import org.etlsuite.model.kpi.DataQualityKpiFile;

/** What happened to a record the transformer read, as the {@code metric} column of the data-quality file names it. */
enum QualityMetric {

    ACCEPTED(DataQualityKpiFile.ACCEPTED),
    REJECTED(DataQualityKpiFile.REJECTED),
    DUPLICATE(DataQualityKpiFile.DUPLICATE),
    UNDECODABLE(DataQualityKpiFile.UNDECODABLE);

    private final String label;

    QualityMetric(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static Optional<QualityMetric> of(String label) {
        return Arrays.stream(values()).filter(metric -> metric.label.equals(label)).findFirst();
    }
}
