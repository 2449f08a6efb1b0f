package org.etlsuite.transformer.topology;

import java.util.List;

import org.etlsuite.model.Topics;
import org.etlsuite.transformer.run.Pipeline;
import org.etlsuite.transformer.stream.StreamDefinition;
import org.etlsuite.transformer.stream.StreamSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamCatalogTests {

    @Test
    void shouldProcessEveryStreamOfTheSuiteOnce() {
        assertThat(StreamCatalog.specs()).extracting(StreamSpec::topic).containsExactlyElementsOf(Topics.ALL);
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
