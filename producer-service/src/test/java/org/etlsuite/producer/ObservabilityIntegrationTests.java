package org.etlsuite.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * The producer's meters on {@code /actuator/prometheus} (the only metrics endpoint exposed), and the kafka health
 * component (shown to the API user).
 */
class ObservabilityIntegrationTests extends LiveBrokerIntegrationTest {

    private static final Pattern SAMPLE = Pattern.compile("^(etl_producer_events_\\w+_total)\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);

    @Test
    void shouldCountTheEventsOfABurstAsSentAckedAndDirtyPerStreamAndKind() {
        Map<String, Double> before = scrape();

        String done = runBurst("transportation-stats", "{\"events\": 1234, \"dirtyFraction\": 0.1, \"seed\": 5}");

        Map<String, Double> after = scrape();
        String burst = "kind=\"burst\",stream=\"transportation-stats\"";
        assertThat(delta(before, after, "etl_producer_events_sent_total{" + burst + "}")).isEqualTo(1234);
        assertThat(delta(before, after, "etl_producer_events_acked_total{" + burst + "}")).isEqualTo(1234);
        assertThat(delta(before, after, "etl_producer_events_failed_total{" + burst + "}")).isZero();
        Map<String, Integer> dirtyByDefect = JsonPath.read(done, "$.dirtyByDefect");
        assertThat(dirtyByDefect).hasSize(5);
        dirtyByDefect.forEach((defect, count) -> assertThat(
                delta(before, after, "etl_producer_events_dirty_total{defect=\"" + defect + "\"," + burst + "}"))
                .as(defect).isEqualTo(count.doubleValue()));
        assertThat(dirtyByDefect.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(JsonPath.<Integer>read(done, "$.dirty")).isPositive();
        // Nothing counted under the other kind or another stream.
        assertThat(delta(before, after, "etl_producer_events_sent_total{kind=\"continuous\",stream=\"transportation-stats\"}")).isZero();
        assertThat(delta(before, after, "etl_producer_events_sent_total{kind=\"burst\",stream=\"urban-sensors\"}")).isZero();
    }

    @Test
    void shouldReportKafkaUpWithTheEmbeddedBrokersClusterIdAndNodeCount() throws Exception {
        String clusterId = admin.describeCluster().clusterId().get();

        ResponseEntity<String> health = exchange("GET", "/actuator/health", null);

        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(JsonPath.<String>read(health.getBody(), "$.status")).isEqualTo("UP");
        assertThat(JsonPath.<String>read(health.getBody(), "$.components.kafka.status")).isEqualTo("UP");
        assertThat(JsonPath.<String>read(health.getBody(), "$.components.kafka.details.clusterId")).isEqualTo(clusterId);
        assertThat(JsonPath.<Integer>read(health.getBody(), "$.components.kafka.details.nodes")).isEqualTo(1);
    }

    /** Every producer counter sample of the Prometheus scrape, by name and labels as written. */
    private Map<String, Double> scrape() {
        ResponseEntity<String> response = exchange("GET", "/actuator/prometheus", null);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        Map<String, Double> samples = new HashMap<>();
        Matcher matcher = SAMPLE.matcher(response.getBody());
        while (matcher.find()) {
            samples.put(matcher.group(1) + "{" + matcher.group(2) + "}", Double.parseDouble(matcher.group(3)));
        }
        assertThat(samples).as("producer counters in the scrape").isNotEmpty();
        return samples;
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String sample) {
        assertThat(after).as("scrape after").containsKey(sample);
        return after.get(sample) - before.getOrDefault(sample, 0.0);
    }
}
