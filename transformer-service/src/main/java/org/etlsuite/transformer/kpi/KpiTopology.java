package org.etlsuite.transformer.kpi;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The cumulative KPI table of one stream, exported like the urban hourly aggregate:
 *
 * <pre>
 * accepted events ─ flatMap: one (cell key, one-event Tally) per KPI cell the event counts in
 *   ─ repartition by cell key ─ reduce with {@link Tally#plus} ─► KTable &lt;stream&gt;-kpi-tallies
 *   KTable ─► &lt;stream&gt;.kpi-tallies (compacted) ─► global store (read_committed) ─► CSV exports
 * </pre>
 *
 * A cell key is text such as {@code category|ELECTRONICS|PURCHASE}: the stream's KPI class both
 * writes the keys and turns the table into files, so a key format is private to that class. One
 * table per stream (rather than one per file) keeps the number of repartition topics, stores and
 * changelogs small; the files are views of it. As for the urban aggregate, the global store only
 * ever holds committed totals, so an aborted transaction never shows in a file.
 *
 * @param <P> processed event type
 */
public final class KpiTopology<P> {

    private final String stream;
    private final Function<? super P, List<KeyValue<String, Tally>>> cells;
    private final Serde<Tally> tallySerde = new TallySerde();

    /**
     * @param stream input topic of the stream: the prefix of every name here (part of the upgrade contract)
     * @param cells  the KPI cells one accepted event counts in
     */
    public KpiTopology(String stream, Function<? super P, List<KeyValue<String, Tally>>> cells) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.cells = Objects.requireNonNull(cells, "cells");
    }

    /** Compacted changelog of the KPI table: key cell key (UTF-8), value {@link Tally}. */
    public static String outputTopic(String stream) {
        return stream + ".kpi-tallies";
    }

    /** Store of the aggregation (per task, may hold uncommitted writes). */
    public static String store(String stream) {
        return stream + "-kpi-tallies";
    }

    /** Global store fed from {@link #outputTopic} with read_committed: what the exporters read. */
    public static String globalStore(String stream) {
        return stream + "-kpi-tallies-global";
    }

    public void addTo(StreamsBuilder builder, KStream<String, P> accepted) {
        accepted.flatMap((key, event) -> cells.apply(event), Named.as(stream + "-kpi-cells"))
                .groupByKey(Grouped.with(stream + "-kpi-by-cell", Serdes.String(), tallySerde))
                .reduce(Tally::plus, Named.as(stream + "-kpi-reduce"),
                        Materialized.<String, Tally, KeyValueStore<Bytes, byte[]>>as(store(stream))
                                .withKeySerde(Serdes.String())
                                .withValueSerde(tallySerde))
                .toStream(Named.as(stream + "-kpi-changes"))
                .to(outputTopic(stream), Produced.with(Serdes.String(), tallySerde).withName(stream + "-kpi-sink"));

        builder.globalTable(outputTopic(stream),
                Consumed.with(Serdes.String(), tallySerde).withName(stream + "-kpi-committed"),
                Materialized.<String, Tally, KeyValueStore<Bytes, byte[]>>as(globalStore(stream))
                        .withKeySerde(Serdes.String())
                        .withValueSerde(tallySerde));
    }
}
