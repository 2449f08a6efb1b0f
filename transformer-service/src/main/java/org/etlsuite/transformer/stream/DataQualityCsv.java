package org.etlsuite.transformer.stream;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.etlsuite.model.kpi.DataQualityKpiFile;
import org.etlsuite.transformer.csv.CsvDocument;

/**
 * The data-quality file {@code processed/data_quality.csv}: for every stream, one row per metric and
 * rule, including the rules and decode errors that have not happened yet (count 0), so the file always
 * lists every check a stream makes. Counts found for keys no stream declares any more (a rule renamed
 * in a later release) are kept as rows too, so that a stream's counts always add up to its records.
 *
 * <p>Order: stream; then accepted, rejected, duplicate, undecodable; then the rules in the order they
 * are checked (decode errors in {@link DecodeError} order), undeclared ones last by name.
 */
public final class DataQualityCsv {

    public static final String RELATIVE_PATH = DataQualityKpiFile.RELATIVE_PATH;

    public static final List<String> HEADER = DataQualityKpiFile.HEADER;

    private DataQualityCsv() {
    }

    public static CsvDocument document(Collection<? extends StreamSpec<?, ?>> specs, Map<QualityKey, Long> counts) {
        Map<String, Map<QualityMetric, List<String>>> declared = new TreeMap<>();
        for (StreamSpec<?, ?> spec : specs) {
            declared.put(spec.topic(), declaredRules(spec));
        }
        for (QualityKey key : counts.keySet()) {
            declared.computeIfAbsent(key.stream(), stream -> new LinkedHashMap<>());
        }

        List<List<String>> rows = new ArrayList<>();
        long total = 0;
        for (var stream : declared.entrySet()) {
            for (QualityMetric metric : QualityMetric.values()) {
                List<String> rules = new ArrayList<>(stream.getValue().getOrDefault(metric, List.of()));
                SortedSet<String> undeclared = new TreeSet<>();
                for (QualityKey key : counts.keySet()) {
                    if (key.stream().equals(stream.getKey()) && key.metric() == metric && !rules.contains(key.rule())) {
                        undeclared.add(key.rule());
                    }
                }
                rules.addAll(undeclared);
                for (String rule : rules) {
                    long count = counts.getOrDefault(new QualityKey(stream.getKey(), metric, rule), 0L);
                    total += count;
                    rows.add(List.of(stream.getKey(), metric.label(), rule, Long.toString(count)));
                }
            }
        }
        return new CsvDocument(HEADER, rows, total);
    }

    private static Map<QualityMetric, List<String>> declaredRules(StreamSpec<?, ?> spec) {
        Map<QualityMetric, List<String>> rules = new LinkedHashMap<>();
        rules.put(QualityMetric.ACCEPTED, List.of(""));
        rules.put(QualityMetric.REJECTED, spec.checkedRules().stream().map(QualityRule::name).toList());
        rules.put(QualityMetric.DUPLICATE, List.of(""));
        List<String> errors = new ArrayList<>();
        for (DecodeError error : DecodeError.values()) {
            errors.add(error.label());
        }
        rules.put(QualityMetric.UNDECODABLE, errors);
        return rules;
    }
}
