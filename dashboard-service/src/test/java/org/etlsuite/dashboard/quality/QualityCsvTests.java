package org.etlsuite.dashboard.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;

import org.etlsuite.dashboard.csv.CsvFormatException;
import org.etlsuite.dashboard.csv.CsvReader;
import org.junit.jupiter.api.Test;

class QualityCsvTests {

    @Test
    void shouldReadEveryRowWithItsMetricRuleAndCount() throws IOException {
        assertThat(QualityCsv.rows(CsvReader.parse("q.csv", new StringReader(QualitySamples.SAMPLE))))
                .hasSize(16)
                .startsWith(new QualityRow("product-events", QualityMetric.ACCEPTED, "", 6),
                        new QualityRow("product-events", QualityMetric.REJECTED, "value-present", 0));
    }

    @Test
    void shouldRefuseAMetricTheTransformerDoesNotWrite() {
        assertThatThrownBy(() -> QualityCsv.rows(CsvReader.parse("q.csv", new StringReader(QualitySamples.UNKNOWN_METRIC))))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("q.csv line 3: column 'metric': 'lost' is none of accepted, rejected, duplicate, undecodable");
    }

    @Test
    void shouldRefuseANegativeCount() {
        assertThatThrownBy(() -> QualityCsv.rows(CsvReader.parse("q.csv", new StringReader(
                "stream,metric,rule,count\nurban-sensors,accepted,,-1\n"))))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("q.csv line 2: column 'count': -1 is negative");
    }
}
