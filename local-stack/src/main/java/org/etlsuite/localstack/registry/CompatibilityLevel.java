package org.etlsuite.localstack.registry;

import java.util.Locale;
import java.util.Optional;

/** Confluent's compatibility levels, described by which direction(s) must hold and against which versions. */
enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** The new schema, as reader, must read data written with the old one. */
    boolean backward() {
        return backward;
    }

    /** The old schema, as reader, must read data written with the new one. */
    boolean forward() {
        return forward;
    }

    /** Checked against every live version rather than only the latest. */
    boolean transitive() {
        return transitive;
    }

    /** Case-insensitive, as Confluent accepts {@code "full"} as well as {@code "FULL"}. */
    static Optional<CompatibilityLevel> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
