package org.etlsuite.dashboard.quality;

import java.util.List;

import org.etlsuite.model.Topics;

/**
 * The dead-letter topics and the headers the transformer adds to every dead letter. The transformer alone writes
 * them: these values are those of {@code org.etlsuite.transformer.stream.DeadLetterHeaders} and of the
 * dead-letter topic of {@code StreamSpec} in the transformer-service, which the dashboard does not depend on.
 */
final class DeadLetterHeaders {

    /** Appended to an input topic to name its dead-letter topic, e.g. {@code urban-sensors.DLT}. */
    static final String TOPIC_SUFFIX = ".DLT";

    /** The dead-letter topics, in the order of the streams on the page (the file's order: by name). */
    static final List<String> TOPICS = Topics.ALL.stream().sorted().map(topic -> topic + TOPIC_SUFFIX).toList();

    /** Of every header the transformer adds. */
    static final String PREFIX = "etl.dlt.";

    static final String REASON = PREFIX + "reason";
    static final String RULE = PREFIX + "rule";
    static final String ERROR = PREFIX + "error";
    static final String EXCEPTION_CLASS = PREFIX + "exception.class";
    static final String EXCEPTION_MESSAGE = PREFIX + "exception.message";
    static final String EXCEPTION_CAUSE_CLASS = PREFIX + "exception.cause.class";

    static final String SOURCE_TOPIC = PREFIX + "source.topic";
    static final String SOURCE_PARTITION = PREFIX + "source.partition";
    static final String SOURCE_OFFSET = PREFIX + "source.offset";

    /** Why the record is a dead letter, in the order the page lists them. */
    static final List<String> REASONS = List.of(REASON, RULE, ERROR, EXCEPTION_CLASS, EXCEPTION_MESSAGE, EXCEPTION_CAUSE_CLASS);

    private DeadLetterHeaders() {
    }
}
