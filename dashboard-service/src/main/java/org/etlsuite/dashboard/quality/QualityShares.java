package org.etlsuite.dashboard.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The data-quality counts of each stream with their shares of the records read from its topic. The file's counts
 * of a stream add up to those records, so the sum of a stream's rows is the denominator of all its shares.
 *
 * <p>Streams keep the order of the file (by stream name), and so do the rules within a metric (the order the
 * transformer checks them in).
 */
final class QualityShares {

    private QualityShares() {
    }

    static List<StreamQuality> of(List<QualityRow> rows) {
        Map<String, List<QualityRow>> byStream = new LinkedHashMap<>();
        rows.forEach(row -> byStream.computeIfAbsent(row.stream(), stream -> new ArrayList<>()).add(row));
        return byStream.entrySet().stream().map(stream -> stream(stream.getKey(), stream.getValue())).toList();
    }

    /** Whether any stream has read anything: before that there are no shares to show. */
    static boolean hasRecords(List<StreamQuality> streams) {
        return streams.stream().anyMatch(stream -> stream.recordsRead() > 0);
    }

    private static StreamQuality stream(String stream, List<QualityRow> rows) {
        long read = rows.stream().mapToLong(QualityRow::count).sum();
        return new StreamQuality(stream, read,
                total(rows, QualityMetric.ACCEPTED, read),
                total(rows, QualityMetric.REJECTED, read),
                byRule(rows, QualityMetric.REJECTED, read),
                total(rows, QualityMetric.DUPLICATE, read),
                total(rows, QualityMetric.UNDECODABLE, read),
                byRule(rows, QualityMetric.UNDECODABLE, read));
    }

    private static Share total(List<QualityRow> rows, QualityMetric metric, long read) {
        long count = rows.stream().filter(row -> row.metric() == metric).mapToLong(QualityRow::count).sum();
        return new Share(metric.label(), count, share(count, read));
    }

    private static List<Share> byRule(List<QualityRow> rows, QualityMetric metric, long read) {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.stream().filter(row -> row.metric() == metric).forEach(row -> counts.merge(row.rule(), row.count(), Long::sum));
        return counts.entrySet().stream().map(rule -> new Share(rule.getKey(), rule.getValue(), share(rule.getValue(), read))).toList();
    }

    private static OptionalDouble share(long count, long read) {
        // a stream that has read nothing yet has no shares, rather than misleading zeros
        return read > 0 ? OptionalDouble.of((double) count / read) : OptionalDouble.empty();
    }

    /**
     * @param recordsRead         every record read from the stream's topic: the sum of its counts
     * @param rejectedByRule      one share per rule, including rules that have not fired (count 0)
     * @param undecodableByReason one share per kind of decode failure
     */
    record StreamQuality(String stream, long recordsRead, Share accepted, Share rejected, List<Share> rejectedByRule,
                         Share duplicate, Share undecodable, List<Share> undecodableByReason) {

        StreamQuality {
            rejectedByRule = List.copyOf(rejectedByRule);
            undecodableByReason = List.copyOf(undecodableByReason);
        }
    }

    /**
     * @param label the metric, or the rule for the rows of rejected and undecodable records
     * @param share of the records read from the stream; empty while it has read none
     */
    record Share(String label, long count, OptionalDouble share) {
    }
}
