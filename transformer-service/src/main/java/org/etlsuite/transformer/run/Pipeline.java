package org.etlsuite.transformer.run;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.avro.specific.SpecificRecord;
import org.etlsuite.events.product.ProductEvent;
import org.etlsuite.events.product.ProductEventProcessed;
import org.etlsuite.events.transport.TransportTrip;
import org.etlsuite.events.transport.TransportTripProcessed;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.events.urban.UrbanSensorReadingProcessed;
import org.etlsuite.model.Topics;
import org.etlsuite.transformer.pipeline.StreamSpec;

/**
 * The three pipelines of the original system, each one Airflow DAG there (extract, load raw,
 * transform) and one event stream here. The DAG ids are accepted as aliases so that scripts written
 * against the original keep working.
 */
public enum Pipeline {

    URBAN_SENSORS("urban-sensors", "VMI_URBAN_SENSORS_ELT", Topics.URBAN_SENSORS, UrbanSensorReading.class, UrbanSensorReadingProcessed.class,
            "raw/urban_sensors_raw_%s.csv", "processed/urban_sensors_processed.csv"),
    PRODUCT_EVENTS("product-events", "VMI_PRODUCT_EVENTS_ETL", Topics.PRODUCT_EVENTS, ProductEvent.class, ProductEventProcessed.class,
            "raw_product/events_%s.csv", "processed_product/product_events_clean.csv"),
    TRANSPORTATION("transportation", "VMI_001", Topics.TRANSPORTATION_STATS, TransportTrip.class, TransportTripProcessed.class,
            "raw_transport/transportation_raw_%s.csv", "processed_transport/processed.csv",
            "processed_transport/final_data_warehouse_output.csv");

    /** The run's timestamp in file names, as the original wrote it (UTC). */
    public static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final String id;
    private final String dagId;
    private final String topic;
    private final Class<? extends SpecificRecord> eventType;
    private final Class<? extends SpecificRecord> processedType;
    private final String rawFilePattern;
    private final List<String> processedFiles;

    Pipeline(String id, String dagId, String topic, Class<? extends SpecificRecord> eventType,
             Class<? extends SpecificRecord> processedType, String rawFilePattern, String... processedFiles) {
        this.id = id;
        this.dagId = dagId;
        this.topic = topic;
        this.eventType = eventType;
        this.processedType = processedType;
        this.rawFilePattern = rawFilePattern;
        this.processedFiles = List.of(processedFiles);
    }

    /** The name in URLs and in the database, e.g. {@code urban-sensors}. */
    public String id() {
        return id;
    }

    /** The id of the original Airflow DAG, accepted wherever {@link #id()} is. */
    public String dagId() {
        return dagId;
    }

    /** The input topic (and the producer's stream name). */
    public String topic() {
        return topic;
    }

    public Class<? extends SpecificRecord> eventType() {
        return eventType;
    }

    public Class<? extends SpecificRecord> processedType() {
        return processedType;
    }

    public String deadLetterTopic() {
        return StreamSpec.deadLetterTopic(topic);
    }

    public String processedTopic() {
        return StreamSpec.processedTopic(topic);
    }

    /** The raw archive of a run, relative to the shared volume, named after the run's timestamp. */
    public String rawFile(String stamp) {
        return rawFilePattern.formatted(stamp);
    }

    /**
     * The processed rows of the latest successful run, relative to the shared volume, where the
     * original wrote them (transportation wrote the same rows twice, under two names).
     */
    public List<String> processedFiles() {
        return processedFiles;
    }

    /** The processed rows of one run: the first processed file with the run's timestamp. */
    public String processedRunFile(String stamp) {
        String latest = processedFiles.getFirst();
        return latest.substring(0, latest.length() - ".csv".length()) + "_" + stamp + ".csv";
    }

    /** The folders of the shared volume (relative) the pipeline's runs write to. */
    public Set<String> folders() {
        Set<String> folders = new TreeSet<>();
        folders.add(rawFilePattern.substring(0, rawFilePattern.indexOf('/')));
        processedFiles.forEach(file -> folders.add(file.substring(0, file.indexOf('/'))));
        return folders;
    }

    /** The pipeline with this id or DAG id (ids ignore case, DAG ids too). */
    public static Optional<Pipeline> find(String idOrDagId) {
        for (Pipeline pipeline : values()) {
            if (pipeline.id.equalsIgnoreCase(idOrDagId) || pipeline.dagId.equalsIgnoreCase(idOrDagId)) {
                return Optional.of(pipeline);
            }
        }
        return Optional.empty();
    }

    /** @throws UnknownPipelineException when no pipeline has this id or DAG id */
    public static Pipeline of(String idOrDagId) {
        return find(idOrDagId).orElseThrow(() -> new UnknownPipelineException(idOrDagId));
    }
}
