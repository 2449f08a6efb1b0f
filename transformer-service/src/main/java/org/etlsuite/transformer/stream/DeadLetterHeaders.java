package org.etlsuite.transformer.stream;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The headers a dead letter carries on top of the original record's headers. Values are UTF-8 text
 * (partition and offset in decimal), so any console consumer shows them.
 *
 * <p>A record that already carries {@code etl.dlt.*} headers (a dead letter replayed into the input
 * topic after a fix) gets them replaced, not repeated: each header appears once and describes the
 * latest failure.
 */
public final class DeadLetterHeaders {

    /** Prefix of every header this service adds. */
    public static final String PREFIX = "etl.dlt.";

    /** Why the record is here: {@value #REASON_DESERIALIZATION} or {@value #REASON_QUALITY}. */
    public static final String REASON = PREFIX + "reason";
    /** Quality failures: the name of the first rule the event broke, e.g. {@code pm25-range}. */
    public static final String RULE = PREFIX + "rule";
    /** Deserialization failures: what is wrong with the bytes, a {@link DecodeError} label such as {@code bad-magic-byte}. */
    public static final String ERROR = PREFIX + "error";
    /** Deserialization failures: class of the exception the deserializer threw. */
    public static final String EXCEPTION_CLASS = PREFIX + "exception.class";
    /** Deserialization failures: its message (at most {@value #MAX_MESSAGE_LENGTH} characters). */
    public static final String EXCEPTION_MESSAGE = PREFIX + "exception.message";
    /** Deserialization failures: class of the innermost cause, when there is one. */
    public static final String EXCEPTION_CAUSE_CLASS = PREFIX + "exception.cause.class";
    /** Where the record was read: topic, partition and offset of the original. */
    public static final String SOURCE_TOPIC = PREFIX + "source.topic";
    public static final String SOURCE_PARTITION = PREFIX + "source.partition";
    public static final String SOURCE_OFFSET = PREFIX + "source.offset";

    /** The bytes are not an event of the stream. */
    public static final String REASON_DESERIALIZATION = "deserialization";
    /** The event broke a data-quality rule. */
    public static final String REASON_QUALITY = "quality";

    static final int MAX_MESSAGE_LENGTH = 1000;

    private DeadLetterHeaders() {
    }

    /** The original headers plus those of a record whose bytes could not be decoded. */
    static Headers deserialization(Headers original, DecodeError error, Exception exception, RecordMetadata source) {
        Headers headers = base(original, REASON_DESERIALIZATION, source);
        add(headers, ERROR, error.label());
        add(headers, EXCEPTION_CLASS, exception.getClass().getName());
        add(headers, EXCEPTION_MESSAGE, truncate(String.valueOf(exception.getMessage())));
        Throwable root = rootCause(exception);
        if (root != exception) {
            add(headers, EXCEPTION_CAUSE_CLASS, root.getClass().getName());
        }
        return headers;
    }

    /** The original headers plus those of an event that broke a data-quality rule. */
    static Headers quality(Headers original, String rule, RecordMetadata source) {
        Headers headers = base(original, REASON_QUALITY, source);
        add(headers, RULE, rule);
        return headers;
    }

    /** The text of a header, or {@code null} when the record does not carry it. */
    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Headers base(Headers original, String reason, RecordMetadata source) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : original) {
            if (!header.key().startsWith(PREFIX)) {
                headers.add(header);
            }
        }
        add(headers, REASON, reason);
        add(headers, SOURCE_TOPIC, source.topic());
        add(headers, SOURCE_PARTITION, Integer.toString(source.partition()));
        add(headers, SOURCE_OFFSET, Long.toString(source.offset()));
        return headers;
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String truncate(String message) {
        return message.length() <= MAX_MESSAGE_LENGTH ? message : message.substring(0, MAX_MESSAGE_LENGTH - 1) + "…";
    }

    private static Throwable rootCause(Throwable exception) {
        Set<Throwable> seen = new HashSet<>();
        Throwable root = exception;
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
        }
        return root;
    }
}
