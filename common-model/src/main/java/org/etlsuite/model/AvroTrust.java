package org.etlsuite.model;

/**
 * Avro 1.12 only instantiates generated classes from trusted packages (system property
 * {@value #PROPERTY}); every application that reads or writes our events must trust them before its
 * first serde is built.
 */
public final class AvroTrust {

    public static final String PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";

    /** The package of every class generated from {@code schemas/}. */
    public static final String EVENTS_PACKAGE = "org.etlsuite.events";

    private AvroTrust() {
    }

    /** Trusts the generated event classes, keeping any list the operator set explicitly. */
    public static void trustGeneratedEvents() {
        String current = System.getProperty(PROPERTY);
        if (current == null || current.isBlank()) {
            System.setProperty(PROPERTY, EVENTS_PACKAGE);
        } else if (!current.contains(EVENTS_PACKAGE)) {
            System.setProperty(PROPERTY, current + "," + EVENTS_PACKAGE);
        }
    }
}
