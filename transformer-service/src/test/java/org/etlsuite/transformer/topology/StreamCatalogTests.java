package org.etlsuite.transformer.topology;

import org.etlsuite.model.Topics;
import org.etlsuite.transformer.stream.StreamSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamCatalogTests {

    @Test
    void shouldProcessEveryStreamOfTheSuiteOnce() {
        assertThat(StreamCatalog.specs()).extracting(StreamSpec::topic).containsExactlyElementsOf(Topics.ALL);
    }
}
