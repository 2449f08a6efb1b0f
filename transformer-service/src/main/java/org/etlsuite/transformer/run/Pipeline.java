package org.etlsuite.transformer.run;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.apache.avro.specific.SpecificRecord;
import org.etlsuite.transformer.stream.PipelineLayout;
import org.etlsuite.transformer.stream.StreamDefinition;
import org.etlsuite.transformer.stream.StreamSpec;
import org.etlsuite.transformer.topology.StreamCatalog;

/**
 * The pipeline of one stream of the {@link StreamCatalog}: what a run extracts, archives and transforms. The
 * original ran each as an Airflow DAG (extract, load raw, transform); the DAG ids are accepted as aliases so that
 * scripts written against the original keep working. There is one instance per stream, so instances compare by
 * identity.
 */
public final class Pipeline {

    /** The run's timestamp in file names, as the original wrote it (UTC). */
    public static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final List<Pipeline> ALL = StreamCatalog.ALL.stream().map(Pipeline::new).toList();

    private final StreamSpec<?, ?> spec;
    private final PipelineLayout layout;

    private Pipeline(StreamDefinition<?, ?> stream) {
        this.spec = stream.spec();
        this.layout = stream.pipeline();
    }

    /** Every pipeline, in the order of the stream catalogue. */
    public static List<Pipeline> all() {
        return ALL;
    }

    /** The pipeline with this id or DAG id (ids ignore case, DAG ids too). */
    public static Optional<Pipeline> find(String idOrDagId) {
        for (Pipeline pipeline : ALL) {
            if (pipeline.id().equalsIgnoreCase(idOrDagId) || pipeline.dagId().equalsIgnoreCase(idOrDagId)) {
                return Optional.of(pipeline);
            }
        }
        return Optional.empty();
    }

    /** @throws UnknownPipelineException when no pipeline has this id or DAG id */
    public static Pipeline of(String idOrDagId) {
        return find(idOrDagId).orElseThrow(() -> new UnknownPipelineException(idOrDagId));
    }

    /** The name in URLs and in the database, e.g. {@code urban-sensors}. */
    public String id() {
        return layout.id();
    }

    /** The id of the original Airflow DAG, accepted wherever {@link #id()} is. */
    public String dagId() {
        return layout.dagId();
    }

    /** The input topic (and the producer's stream name). */
    public String topic() {
        return spec.topic();
    }

    public Class<? extends SpecificRecord> eventType() {
        return spec.valueType();
    }

    public Class<? extends SpecificRecord> processedType() {
        return spec.processedType();
    }

    public String deadLetterTopic() {
        return spec.deadLetterTopic();
    }

    public String processedTopic() {
        return spec.processedTopic();
    }

    /** The raw archive of a run, relative to the shared volume, named after the run's timestamp. */
    public String rawFile(String stamp) {
        return layout.rawFile(stamp);
    }

    /** The processed rows of the latest successful run, relative to the shared volume, where the original wrote them. */
    public List<String> processedFiles() {
        return layout.processedFiles();
    }

    /** The processed rows of one run: the first processed file with the run's timestamp. */
    public String processedRunFile(String stamp) {
        return layout.processedRunFile(stamp);
    }

    /** The folders of the shared volume (relative) the pipeline's runs write to. */
    public Set<String> folders() {
        return layout.folders();
    }

    @Override
    public String toString() {
        return id();
    }
}
