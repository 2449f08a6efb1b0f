package org.etlsuite.transformer.stream;

import java.util.Comparator;
import java.util.Objects;

/**
 * One counter of {@code data_quality.csv}: records of a stream with a metric and, for rejected and
 * undecodable records, a rule (the broken rule, or the {@link DecodeError} label); the rule is empty
 * for accepted and duplicate records.
 */
public record QualityKey(String stream, QualityMetric metric, String rule) {

    /** File order: stream, then metric in declaration order, then rule. */
    public static final Comparator<QualityKey> ORDER = Comparator.comparing(QualityKey::stream)
            .thenComparing(QualityKey::metric)
            .thenComparing(QualityKey::rule);

    public QualityKey {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(rule, "rule");
    }

    public static QualityKey accepted(String stream) {
        return new QualityKey(stream, QualityMetric.ACCEPTED, "");
    }

    public static QualityKey duplicate(String stream) {
        return new QualityKey(stream, QualityMetric.DUPLICATE, "");
    }

    public static QualityKey rejected(String stream, String rule) {
        return new QualityKey(stream, QualityMetric.REJECTED, rule);
    }

    public static QualityKey undecodable(String stream, DecodeError error) {
        return new QualityKey(stream, QualityMetric.UNDECODABLE, error.label());
    }
}
