package org.etlsuite.dashboard.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.OptionalDouble;

import org.etlsuite.dashboard.csv.CsvReader;
import org.etlsuite.dashboard.quality.QualityShares.Share;
import org.etlsuite.dashboard.quality.QualityShares.StreamQuality;
import org.junit.jupiter.api.Test;

class QualitySharesTests {

    private static List<StreamQuality> sample() throws IOException {
        return QualityShares.of(QualityCsv.rows(CsvReader.parse("data_quality.csv", new StringReader(QualitySamples.SAMPLE))));
    }

    @Test
    void shouldListTheStreamsInFileOrderWithTheRecordsEachRead() throws IOException {
        assertThat(sample()).extracting(StreamQuality::stream, StreamQuality::recordsRead).containsExactly(
                tuple("product-events", 8L),
                tuple("transportation-stats", 0L),
                tuple("urban-sensors", 20L));
    }

    @Test
    void shouldGiveEachMetricItsShareOfTheRecordsReadOfItsStream() throws IOException {
        StreamQuality products = sample().get(0);

        assertThat(products.accepted()).isEqualTo(new Share("accepted", 6, OptionalDouble.of(0.75)));
        assertThat(products.rejected()).isEqualTo(new Share("rejected", 1, OptionalDouble.of(0.125)));
        assertThat(products.duplicate()).isEqualTo(new Share("duplicate", 1, OptionalDouble.of(0.125)));
        assertThat(products.undecodable()).isEqualTo(new Share("undecodable", 0, OptionalDouble.of(0.0)));
    }

    @Test
    void shouldGiveEveryRuleItsShareInTheOrderTheRulesAreChecked() throws IOException {
        StreamQuality urban = sample().get(2);

        assertThat(urban.rejected()).isEqualTo(new Share("rejected", 4, OptionalDouble.of(0.2)));
        assertThat(urban.rejectedByRule()).containsExactly(
                new Share("value-present", 1, OptionalDouble.of(0.05)),
                new Share("pm25-range", 3, OptionalDouble.of(0.15)));
        assertThat(urban.undecodable()).isEqualTo(new Share("undecodable", 1, OptionalDouble.of(0.05)));
        assertThat(urban.undecodableByReason()).containsExactly(
                new Share("bad-magic-byte", 1, OptionalDouble.of(0.05)),
                new Share("corrupt-payload", 0, OptionalDouble.of(0.0)));
    }

    @Test
    void shouldGiveNoSharesToAStreamThatHasReadNothing() throws IOException {
        StreamQuality transport = sample().get(1);

        assertThat(transport.accepted()).isEqualTo(new Share("accepted", 0, OptionalDouble.empty()));
        assertThat(transport.rejectedByRule()).containsExactly(new Share("value-present", 0, OptionalDouble.empty()));
    }

    @Test
    void shouldHaveRecordsOnlyOnceAStreamHasReadSome() throws IOException {
        List<StreamQuality> nothing = QualityShares.of(QualityCsv.rows(
                CsvReader.parse("data_quality.csv", new StringReader(QualitySamples.NOTHING_READ))));

        assertThat(QualityShares.hasRecords(sample())).isTrue();
        assertThat(QualityShares.hasRecords(nothing)).isFalse();
        assertThat(QualityShares.hasRecords(List.of())).isFalse();
    }
}
