package org.etlsuite.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.common.TopicPartition;
import org.etlsuite.events.product.ProductEvent;
import org.etlsuite.events.transport.TransportTrip;
import org.etlsuite.events.urban.UrbanSensorReading;
import org.etlsuite.producer.stream.QualityRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bursts by duration, with dirty events and with back-filled event times, read back from their topics. */
class BurstOptionsIntegrationTests extends LiveBrokerIntegrationTest {

    /**
     * @param stream    stream name and topic
     * @param eventTime the event time of a decoded record
     */
    record StreamCase(String stream, Function<Object, Instant> eventTime) {

        @Override
        public String toString() {
            return stream;
        }
    }

    static Stream<StreamCase> streams() {
        return Stream.of(
                new StreamCase("urban-sensors", value -> ((UrbanSensorReading) value).getTs()),
                new StreamCase("product-events", value -> ((ProductEvent) value).getTimestamp()),
                new StreamCase("transportation-stats", value -> ((TransportTrip) value).getEventTime()));
    }

    @Test
    void shouldPutExactlyDurationTimesRateRoundedRecordsOnTheTopic() throws Exception {
        long before = recordCount("urban-sensors");

        // 1.5 s at 201/s: 301.5 events, rounded half up to 302.
        String done = runBurst("urban-sensors", "{\"durationSeconds\": 1.5, \"ratePerSecond\": 201}");

        assertThat(JsonPath.<String>read(done, "$.state")).isEqualTo("COMPLETED");
        assertThat(JsonPath.<Integer>read(done, "$.requested")).isEqualTo(302);
        assertThat(JsonPath.<Double>read(done, "$.durationSeconds")).isEqualTo(1.5);
        assertThat(JsonPath.<Integer>read(done, "$.acked")).isEqualTo(302);
        assertThat(recordCount("urban-sensors") - before).isEqualTo(302);
    }

    @ParameterizedTest
    @MethodSource("streams")
    void shouldReportExactlyTheDirtyRecordsThatTheTopicHolds(StreamCase stream) throws Exception {
        Map<TopicPartition, Long> start = endOffsets(stream.stream());

        String done = runBurst(stream.stream(), "{\"events\": 5000, \"dirtyFraction\": 0.2, \"seed\": 2024}");
        assertThat(JsonPath.<String>read(done, "$.state")).isEqualTo("COMPLETED");

        List<Object> decoded = consumeDecoded(start, 5000);
        Map<String, Integer> broken = new LinkedHashMap<>();
        long violating = 0;
        for (Object value : decoded) {
            Set<String> rules = QualityRules.violations(value);
            assertThat(rules).as("a dirty record breaks one rule").hasSizeLessThanOrEqualTo(1);
            if (!rules.isEmpty()) {
                violating++;
                broken.merge(rules.iterator().next(), 1, Integer::sum);
            }
        }
        int reported = JsonPath.read(done, "$.dirty");
        assertThat(reported).isEqualTo(violating);
        Map<String, Integer> reportedByDefect = JsonPath.read(done, "$.dirtyByDefect");
        reportedByDefect.forEach((defect, count) -> assertThat(broken.getOrDefault(defect, 0)).as(defect).isEqualTo(count));
        assertThat(100.0 * reported / 5000).isCloseTo(20.0, within(1.5));
    }

    @ParameterizedTest
    @MethodSource("streams")
    void shouldStampEveryEventWithinTheBackfillWindow(StreamCase stream) throws Exception {
        Map<TopicPartition, Long> start = endOffsets(stream.stream());
        Instant requested = Instant.now();

        String done = runBurst(stream.stream(), "{\"events\": 2000, \"backfill\": \"P7D\", \"seed\": 77}");
        Instant finished = Instant.now();

        assertThat(JsonPath.<String>read(done, "$.backfill")).isEqualTo("P7D");
        List<Instant> times = consumeDecoded(start, 2000).stream().map(stream.eventTime()).toList();
        // Less 1 s: trips are stamped in whole seconds (their HH:mm:ss), truncated down.
        assertThat(times).allSatisfy(time -> assertThat(time).isBetween(requested.minus(Duration.ofDays(7)).minusSeconds(1), finished));
        // Spread over the window, not bunched at now: some fall in its first day.
        assertThat(times).anySatisfy(time -> assertThat(time).isBefore(requested.minus(Duration.ofDays(6))));
    }
}
