package org.etlsuite.producer;

import java.time.Duration;

/** {@link ProducerProperties} as the application's defaults, with the burst limits a test needs. */
public final class TestProperties {

    private TestProperties() {
    }

    public static ProducerProperties defaults() {
        return bursts(2, 16, 200);
    }

    public static ProducerProperties bursts(int threads, int queueCapacity, int historySize) {
        return new ProducerProperties(new ProducerProperties.Topics(3, 1),
                new ProducerProperties.Bursts(10_000_000, 1_000_000, Duration.ofHours(24), threads, queueCapacity, historySize),
                new ProducerProperties.Continuous(1_000_000, Duration.ofSeconds(10)),
                Duration.ofDays(366),
                new ProducerProperties.KafkaHealth(Duration.ofSeconds(2), Duration.ofSeconds(5)));
    }
}
