package org.etlsuite.producer;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The producer's own settings ({@code etl.producer.*}); Kafka client settings stay under {@code spring.kafka.*}.
 *
 * @param topics      how the stream topics are declared when the service starts
 * @param bursts      limits of REST-triggered bursts
 * @param continuous  limits and timing of the continuous streams
 * @param maxBackfill longest accepted {@code backfill} window of a burst or continuous stream
 * @param kafkaHealth the {@code kafka} health indicator
 */
@ConfigurationProperties("etl.producer")
@Validated
public record ProducerProperties(@DefaultValue @Valid Topics topics, @DefaultValue @Valid Bursts bursts,
                                 @DefaultValue @Valid Continuous continuous,
                                 @DefaultValue("P366D") @DurationMin(seconds = 1) Duration maxBackfill,
                                 @DefaultValue @Valid KafkaHealth kafkaHealth) {

    /**
     * @param partitions  partitions of each stream topic (the key spreads sensors over them)
     * @param replication replication factor; 1 for the single-broker local stack
     */
    public record Topics(@DefaultValue("3") @Min(1) int partitions,
                         @DefaultValue("1") @Min(1) @Max(Short.MAX_VALUE) int replication) {
    }

    /**
     * @param maxEvents        largest accepted {@code events} of one burst request
     * @param maxRatePerSecond largest accepted {@code ratePerSecond}
     * @param maxDuration      longest accepted paced burst, judged as {@code events / ratePerSecond}; keeps one
     *                         request from holding a burst thread for years
     * @param threads          bursts that send at the same time (each burst uses one thread)
     * @param queueCapacity    accepted bursts that may wait for a free thread; beyond that requests are refused
     * @param historySize      bursts kept in memory for the status endpoints (oldest finished ones are dropped first)
     */
    public record Bursts(@DefaultValue("10000000") @Min(1) long maxEvents,
                         @DefaultValue("1000000") @Positive double maxRatePerSecond,
                         @DefaultValue("24h") @DurationMin(seconds = 1) Duration maxDuration,
                         @DefaultValue("2") @Min(1) int threads,
                         @DefaultValue("16") @PositiveOrZero int queueCapacity,
                         @DefaultValue("200") @Min(1) int historySize) {
    }

    /**
     * @param maxRatePerSecond largest accepted {@code ratePerSecond} of a continuous stream
     * @param stopTimeout      how long a stop waits for the generator thread to end and for the records it sent to
     *                         be acknowledged, before it answers with the counts it has
     */
    public record Continuous(@DefaultValue("1000000") @Positive double maxRatePerSecond,
                             @DefaultValue("10s") @DurationMin(millis = 1) Duration stopTimeout) {
    }

    /**
     * @param timeout  how long one broker check may take before the indicator reports DOWN
     * @param cacheFor how long a check's result is reused, so that frequent health probes do not each reach the broker
     */
    public record KafkaHealth(@DefaultValue("2s") @DurationMin(millis = 1) Duration timeout,
                              @DefaultValue("5s") Duration cacheFor) {
    }
}
