package org.etlsuite.transformer.kpi;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.etlsuite.transformer.csv.CsvDocument;
import org.etlsuite.transformer.csv.CsvFormat;
import org.etlsuite.transformer.stream.QualityKey;
import org.etlsuite.transformer.stream.QualityRule;
import org.etlsuite.transformer.stream.StreamSpec;

/**
 * Where an acceptance test sends its events: the whole topology in a {@link StreamTopologyDriver},
 * or {@link #direct} the same production steps (rules, de-duplication by id, features, KPI cells,
 * table, files) called in plain Java, for volumes a TopologyTestDriver cannot process in reasonable
 * time on a small machine (it commits and checkpoints after every record).
 */
public interface KpiSink<V> extends AutoCloseable {

    void send(String key, V event, Instant recordTime);

    Map<String, Tally> kpis();

    Map<QualityKey, Long> dataQuality();

    /** The data lines of a KPI file, split into fields (no field of these files is quoted). */
    default List<String[]> rows(Function<Map<String, Tally>, CsvDocument> document) {
        return CsvFormat.render(document.apply(kpis())).lines().skip(1).map(line -> line.split(",", -1)).toList();
    }

    @Override
    void close();

    static <V extends SpecificRecord, P extends SpecificRecord> KpiSink<V> topology(StreamTopologyDriver<V, P> driver) {
        return new KpiSink<>() {
            private int sent;

            @Override
            public void send(String key, V event, Instant recordTime) {
                driver.send(key, event, recordTime);
                if (++sent % 1_000 == 0) {
                    driver.drainOutputs();
                }
            }

            @Override
            public Map<String, Tally> kpis() {
                return driver.kpis();
            }

            @Override
            public Map<QualityKey, Long> dataQuality() {
                return driver.dataQuality();
            }

            @Override
            public void close() {
                driver.close();
            }
        };
    }

    /** The production steps without Kafka (every event id is remembered: the test's copies are all in the window). */
    static <V extends SpecificRecord, P extends SpecificRecord> KpiSink<V> direct(StreamSpec<V, P> spec,
                                                                                Function<P, List<KeyValue<String, Tally>>> cells) {
        return new KpiSink<>() {
            private final Map<String, Tally> table = new HashMap<>();
            private final Map<QualityKey, Long> quality = new HashMap<>();
            private final Set<String> seen = new HashSet<>();

            @Override
            public void send(String key, V event, Instant recordTime) {
                Optional<QualityRule<V>> broken = QualityRule.firstBroken(spec.checkedRules(), event);
                if (broken.isPresent()) {
                    quality.merge(QualityKey.rejected(spec.topic(), broken.get().name()), 1L, Long::sum);
                    return;
                }
                if (!seen.add(spec.eventId().apply(event))) {
                    quality.merge(QualityKey.duplicate(spec.topic()), 1L, Long::sum);
                    return;
                }
                quality.merge(QualityKey.accepted(spec.topic()), 1L, Long::sum);
                for (KeyValue<String, Tally> cell : cells.apply(spec.enrich().apply(event))) {
                    table.merge(cell.key, cell.value, Tally::plus);
                }
            }

            @Override
            public Map<String, Tally> kpis() {
                return table;
            }

            @Override
            public Map<QualityKey, Long> dataQuality() {
                return quality;
            }

            @Override
            public void close() {
            }
        };
    }
}
