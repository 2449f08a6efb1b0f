package org.etlsuite.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * Continuous streams through the whole service: the number of records that reach the topic matches rate × running
 * time, measured by the topic's end offsets and the wall-clock time between the start and the stop request.
 */
class ContinuousStreamIntegrationTests extends LiveBrokerIntegrationTest {

    /**
     * One stream under test.
     *
     * @param length how long it runs, from before the start request until the stop request is sent
     */
    record Run(String stream, double ratePerSecond, Duration length) {
    }

    /** What a run put on its topic, and in how much wall-clock time. */
    record Measured(long records, double elapsedSeconds, String stopBody) {
    }

    @Test
    void shouldPutRateTimesRunningTimeRecordsOnTheTopicFromHalfAnEventPerSecondToAThousand() throws Exception {
        // The three streams run at the same time (one generator thread each), which keeps this test at 10 s.
        List<Run> runs = List.of(
                new Run("urban-sensors", 10, Duration.ofSeconds(10)),
                new Run("product-events", 1000, Duration.ofSeconds(10)),
                new Run("transportation-stats", 0.5, Duration.ofSeconds(8)));
        // Warm-up: the first start of a stream initializes its request binding, validation, generator classes, the
        // Kafka producer and the topic's metadata (hundreds of milliseconds on a busy machine). That one-off cost
        // belongs in no measured window, which is measured from before the start request.
        for (Run run : runs) {
            assertThat(exchange("PUT", continuous(run), "{\"ratePerSecond\": 1000}").getStatusCode().value()).isEqualTo(201);
            assertThat(exchange("DELETE", continuous(run), null).getStatusCode().value()).isEqualTo(200);
        }
        Map<Run, Long> before = new LinkedHashMap<>();
        Map<Run, Long> startedAt = new LinkedHashMap<>();
        for (Run run : runs) {
            before.put(run, recordCount(run.stream()));
            startedAt.put(run, System.nanoTime());
            ResponseEntity<String> started = exchange("PUT", continuous(run), "{\"ratePerSecond\": " + run.ratePerSecond() + "}");
            assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(201);
        }

        Map<Run, Measured> measured = new LinkedHashMap<>();
        for (Run run : runs.stream().sorted((a, b) -> a.length().compareTo(b.length())).toList()) {
            long start = startedAt.get(run);
            await().atMost(run.length().plusSeconds(10)).pollInterval(Duration.ofMillis(5))
                    .until(() -> System.nanoTime() - start >= run.length().toNanos());
            ResponseEntity<String> stopped = exchange("DELETE", continuous(run), null);
            double elapsed = (System.nanoTime() - start) / 1e9;
            assertThat(stopped.getStatusCode().value()).as("%s", stopped.getBody()).isEqualTo(200);
            measured.put(run, new Measured(recordCount(run.stream()) - before.get(run), elapsed, stopped.getBody()));
        }

        SoftAssertions softly = new SoftAssertions();
        for (Run run : runs) {
            Measured m = measured.get(run);
            // Every record the generator sent was acknowledged before the stop answered, and is on the topic.
            softly.assertThat(JsonPath.<String>read(m.stopBody(), "$.state")).as("%s state", run).isEqualTo("STOPPED");
            softly.assertThat(((Number) JsonPath.read(m.stopBody(), "$.sent")).longValue()).as("%s sent", run).isEqualTo(m.records());
            softly.assertThat(((Number) JsonPath.read(m.stopBody(), "$.acked")).longValue()).as("%s acked", run).isEqualTo(m.records());
            softly.assertThat(((Number) JsonPath.read(m.stopBody(), "$.failed")).longValue()).as("%s failed", run).isZero();
            double expected = run.ratePerSecond() * m.elapsedSeconds();
            if (run.ratePerSecond() >= 1) {
                softly.assertThat((double) m.records()).as("%s: %d records in %.3f s", run, m.records(), m.elapsedSeconds())
                        .isBetween(expected * 0.95, expected * 1.05);
            } else {
                // 0.5/s for 8 s: events are due at 0, 2, 4 and 6 s, and at 8 s if the stop arrives after that turn;
                // 4 or 5 records, so rate × time ± 1 (3..5) holds however the stop meets the schedule.
                softly.assertThat((double) m.records()).as("%s: %d records in %.3f s", run, m.records(), m.elapsedSeconds())
                        .isBetween(expected - 1, expected + 1);
                softly.assertThat(m.records()).as("%s", run).isBetween(3L, 5L);
            }
        }
        softly.assertAll();
    }

    @Test
    void shouldAnswer404ProblemWhenStoppingAStreamThatIsNotRunning() {
        ResponseEntity<String> response = exchange("DELETE", "/api/streams/urban-sensors/continuous", null);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(JsonPath.<String>read(response.getBody(), "$.detail"))
                .isEqualTo("stream: no continuous generator of stream 'urban-sensors' is running");
    }

    private static String continuous(Run run) {
        return "/api/streams/" + run.stream() + "/continuous";
    }
}
