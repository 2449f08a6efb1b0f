package org.etlsuite.transformer.stream;

/**
 * A valid event after the de-duplication step; lives only between processors of one sub-topology.
 *
 * @param duplicate whether an event with the same id was accepted within the window before it
 */
record Deduplicated<V>(V event, boolean duplicate) {
}
