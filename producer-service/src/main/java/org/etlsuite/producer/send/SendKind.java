package org.etlsuite.producer.send;

import java.util.Locale;

/** What sent an event; the {@code kind} tag of the producer's meters. */
public enum SendKind {
    /** A REST-triggered burst of a known number of events. */
    BURST,
    /** A stream's continuous generator. */
    CONTINUOUS;

    /** The tag value: {@code burst} or {@code continuous}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
