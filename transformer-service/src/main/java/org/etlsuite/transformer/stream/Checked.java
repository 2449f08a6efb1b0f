package org.etlsuite.transformer.stream;

/**
 * An input record after decoding and the data-quality rules: a valid event, or a dead letter. Lives
 * only between processors of one sub-topology (never serialized).
 */
sealed interface Checked<V> permits Checked.Valid, Checked.DeadLetter {

    /** An event that met every rule. */
    record Valid<V>(V event) implements Checked<V> {
    }

    /**
     * A record for the dead-letter topic: the original key and value bytes, exactly as read (the headers
     * travel with the record), and the counter it adds to.
     */
    record DeadLetter<V>(byte[] key, byte[] value, QualityKey counter) implements Checked<V> {
    }
}
