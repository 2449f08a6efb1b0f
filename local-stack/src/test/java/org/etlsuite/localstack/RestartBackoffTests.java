package org.etlsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RestartBackoffTests {

    @Test
    void shouldDoubleTheWaitUpToThirtySeconds() {
        assertThat(IntStream.rangeClosed(1, 8).mapToObj(RestartBackoff.STANDARD::delay).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
        assertThat(RestartBackoff.STANDARD.delay(10_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldStartAgainFromTheFirstWaitAfterAMinuteUp() {
        assertThat(RestartBackoff.STANDARD.resetAfter()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void shouldDescribeItselfForTheBanner() {
        assertThat(RestartBackoff.STANDARD.describe()).isEqualTo("after 1 s, 2 s, 4 s ... at most 30 s");
        assertThat(new RestartBackoff(Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ZERO).describe())
                .isEqualTo("after 200 ms, 400 ms, 800 ms ... at most 1 s");
    }

    @Test
    void shouldRefuseAMaximumBelowTheFirstWait() {
        assertThatThrownBy(() -> new RestartBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
