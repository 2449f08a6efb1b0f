package org.etlsuite.transformer.run;

import java.time.Instant;
import java.util.List;

import org.etlsuite.events.product.ProductEvent;
import org.etlsuite.events.product.ProductEventProcessed;
import org.etlsuite.events.transport.TransportTrip;
import org.etlsuite.events.transport.TransportTripProcessed;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.events.urban.UrbanSensorReadingProcessed;
import org.etlsuite.transformer.stream.StreamDefinition;
import org.etlsuite.transformer.topology.StreamCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineTests {

    private static final String KNOWN = "urban-sensors (VMI_URBAN_SENSORS_ELT), product-events (VMI_PRODUCT_EVENTS_ETL), "
            + "transportation (VMI_001)";

    @ParameterizedTest
    @CsvSource({
            "urban-sensors, urban-sensors",
            "URBAN-SENSORS, urban-sensors",
            "VMI_URBAN_SENSORS_ELT, urban-sensors",
            "vmi_urban_sensors_elt, urban-sensors",
            "product-events, product-events",
            "VMI_PRODUCT_EVENTS_ETL, product-events",
            "Vmi_Product_Events_Etl, product-events",
            "transportation, transportation",
            "Transportation, transportation",
            "VMI_001, transportation",
            "vmi_001, transportation"
    })
    void shouldFindPipelineByIdOrDagIdIgnoringCase(String idOrDagId, String expectedId) {
        Pipeline expected = Pipeline.all().stream().filter(pipeline -> pipeline.id().equals(expectedId)).findFirst().orElseThrow();
        assertThat(Pipeline.find(idOrDagId)).contains(expected);
        assertThat(Pipeline.of(idOrDagId)).isEqualTo(expected);
    }

    @Test
    void shouldNotFindByConstantNameOrTopicWhenTheyDifferFromTheId() {
        // the transportation pipeline's topic is transportation-stats, its id transportation
        assertThat(Pipeline.find("transportation-stats")).isEmpty();
        assertThat(Pipeline.find("URBAN_SENSORS")).isEmpty();
        assertThat(Pipeline.find("")).isEmpty();
        assertThat(Pipeline.find(null)).isEmpty();
    }

    @Test
    void shouldListTheKnownPipelinesWhenRefusingAnUnknownOne() {
        assertThatThrownBy(() -> Pipeline.of("weather"))
                .isInstanceOf(UnknownPipelineException.class)
                .hasMessage("Unknown pipeline 'weather'; known: " + KNOWN);
        assertThatThrownBy(() -> Pipeline.of("VMI_002"))
                .isInstanceOf(UnknownPipelineException.class)
                .hasMessage("Unknown pipeline 'VMI_002'; known: " + KNOWN);
    }

    @Test
    void shouldNameIdsDagIdsAndTopics() {
        assertThat(TestPipelines.URBAN_SENSORS.id()).isEqualTo("urban-sensors");
        assertThat(TestPipelines.URBAN_SENSORS.dagId()).isEqualTo("VMI_URBAN_SENSORS_ELT");
        assertThat(TestPipelines.URBAN_SENSORS.topic()).isEqualTo("urban-sensors");
        assertThat(TestPipelines.PRODUCT_EVENTS.id()).isEqualTo("product-events");
        assertThat(TestPipelines.PRODUCT_EVENTS.dagId()).isEqualTo("VMI_PRODUCT_EVENTS_ETL");
        assertThat(TestPipelines.PRODUCT_EVENTS.topic()).isEqualTo("product-events");
        assertThat(TestPipelines.TRANSPORTATION.id()).isEqualTo("transportation");
        assertThat(TestPipelines.TRANSPORTATION.dagId()).isEqualTo("VMI_001");
        assertThat(TestPipelines.TRANSPORTATION.topic()).isEqualTo("transportation-stats");
    }

    @Test
    void shouldDeriveProcessedAndDeadLetterTopicsFromTheInputTopic() {
        assertThat(TestPipelines.TRANSPORTATION.processedTopic()).isEqualTo("transportation-stats.processed");
        assertThat(TestPipelines.TRANSPORTATION.deadLetterTopic()).isEqualTo("transportation-stats.DLT");
        assertThat(TestPipelines.URBAN_SENSORS.processedTopic()).isEqualTo("urban-sensors.processed");
        assertThat(TestPipelines.PRODUCT_EVENTS.deadLetterTopic()).isEqualTo("product-events.DLT");
    }

    @Test
    void shouldPairEachPipelineWithItsAvroTypes() {
        assertThat(TestPipelines.URBAN_SENSORS.eventType()).isEqualTo(UrbanSensorReading.class);
        assertThat(TestPipelines.URBAN_SENSORS.processedType()).isEqualTo(UrbanSensorReadingProcessed.class);
        assertThat(TestPipelines.PRODUCT_EVENTS.eventType()).isEqualTo(ProductEvent.class);
        assertThat(TestPipelines.PRODUCT_EVENTS.processedType()).isEqualTo(ProductEventProcessed.class);
        assertThat(TestPipelines.TRANSPORTATION.eventType()).isEqualTo(TransportTrip.class);
        assertThat(TestPipelines.TRANSPORTATION.processedType()).isEqualTo(TransportTripProcessed.class);
    }

    @Test
    void shouldNameRawFilesAsTheOriginalDid() {
        assertThat(TestPipelines.URBAN_SENSORS.rawFile("20260301_0715")).isEqualTo("raw/urban_sensors_raw_20260301_0715.csv");
        assertThat(TestPipelines.PRODUCT_EVENTS.rawFile("20260301_0715")).isEqualTo("raw_product/events_20260301_0715.csv");
        assertThat(TestPipelines.TRANSPORTATION.rawFile("20260301_0715")).isEqualTo("raw_transport/transportation_raw_20260301_0715.csv");
    }

    @Test
    void shouldNameProcessedFilesAsTheOriginalDid() {
        assertThat(TestPipelines.URBAN_SENSORS.processedFiles()).containsExactly("processed/urban_sensors_processed.csv");
        assertThat(TestPipelines.PRODUCT_EVENTS.processedFiles()).containsExactly("processed_product/product_events_clean.csv");
        // the original wrote the same transportation rows twice
        assertThat(TestPipelines.TRANSPORTATION.processedFiles()).containsExactly(
                "processed_transport/processed.csv", "processed_transport/final_data_warehouse_output.csv");
    }

    @Test
    void shouldStampTheFirstProcessedFileForOneRun() {
        assertThat(TestPipelines.URBAN_SENSORS.processedRunFile("20260301_0715"))
                .isEqualTo("processed/urban_sensors_processed_20260301_0715.csv");
        assertThat(TestPipelines.PRODUCT_EVENTS.processedRunFile("20260301_0715"))
                .isEqualTo("processed_product/product_events_clean_20260301_0715.csv");
        assertThat(TestPipelines.TRANSPORTATION.processedRunFile("20260301_0715"))
                .isEqualTo("processed_transport/processed_20260301_0715.csv");
    }

    @Test
    void shouldStampFilesInUtcToTheMinute() {
        // 23:59:59.999 UTC is still the first of March in UTC, whatever the default zone of the machine
        assertThat(Pipeline.FILE_STAMP.format(Instant.parse("2026-03-01T23:59:59.999Z"))).isEqualTo("20260301_2359");
        assertThat(Pipeline.FILE_STAMP.format(Instant.parse("2026-12-31T00:05:00Z"))).isEqualTo("20261231_0005");
        assertThat(TestPipelines.URBAN_SENSORS.rawFile(Pipeline.FILE_STAMP.format(Instant.parse("2026-01-02T03:04:05Z"))))
                .isEqualTo("raw/urban_sensors_raw_20260102_0304.csv");
    }

    @Test
    void shouldNameTheFoldersItsRunsWriteTo() {
        assertThat(TestPipelines.URBAN_SENSORS.folders()).containsExactly("processed", "raw");
        assertThat(TestPipelines.PRODUCT_EVENTS.folders()).containsExactly("processed_product", "raw_product");
        assertThat(TestPipelines.TRANSPORTATION.folders()).containsExactly("processed_transport", "raw_transport");
    }

    @Test
    void shouldDeriveOnePipelinePerStreamWithItsTopicAndTypes() {
        List<Pipeline> pipelines = Pipeline.all();
        assertThat(pipelines).hasSameSizeAs(StreamCatalog.ALL);
        for (int i = 0; i < pipelines.size(); i++) {
            StreamDefinition<?, ?> stream = StreamCatalog.ALL.get(i);
            Pipeline pipeline = pipelines.get(i);
            assertThat(pipeline.id()).isEqualTo(stream.pipeline().id());
            assertThat(pipeline.topic()).isEqualTo(stream.spec().topic());
            assertThat(pipeline.eventType()).isEqualTo(stream.spec().valueType());
            assertThat(pipeline.processedType()).isEqualTo(stream.spec().processedType());
            assertThat(pipeline.processedTopic()).isEqualTo(stream.spec().processedTopic());
            assertThat(Pipeline.of(pipeline.dagId())).isSameAs(pipeline);
        }
    }

    @Test
    void shouldNameEveryPipelineAndEveryFileOnce() {
        assertThat(Pipeline.all()).extracting(Pipeline::id).doesNotHaveDuplicates();
        assertThat(Pipeline.all()).extracting(Pipeline::dagId).doesNotHaveDuplicates();
        assertThat(Pipeline.all()).flatExtracting(Pipeline::processedFiles).doesNotHaveDuplicates();
        assertThat(Pipeline.all()).extracting(pipeline -> pipeline.rawFile("x")).doesNotHaveDuplicates();
    }
}
