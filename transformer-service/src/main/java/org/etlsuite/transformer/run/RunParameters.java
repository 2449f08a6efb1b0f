package org.etlsuite.transformer.run;

/**
 * What a run does, defaults filled in: with {@code generate} it asks the producer for a burst of
 * {@code events} (or of {@code durationSeconds} at {@code ratePerSecond}); without, it takes the
 * events that arrived in Kafka since the pipeline's previous such run, and the other fields are null.
 */
public record RunParameters(boolean generate, Long events, Double ratePerSecond, Double durationSeconds, Long seed,
                            Double dirtyFraction) {

    static RunParameters existingEvents() {
        return new RunParameters(false, null, null, null, null, null);
    }
}
