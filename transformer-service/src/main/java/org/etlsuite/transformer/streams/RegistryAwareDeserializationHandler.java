package org.etlsuite.transformer.streams;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.etlsuite.model.registry.SchemaRegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what Kafka Streams does with a record it cannot deserialize: skip it when the record
 * itself is bad, stop when the Schema Registry is what failed.
 *
 * <p>The Avro deserializer reports every failure as a {@code SerializationException}; only the
 * cause chain tells a corrupt record from a registry outage. Skipping during an outage would
 * commit past every record read meanwhile, turning exactly-once into at-most-once without a
 * trace. Failing instead aborts the open transaction, so nothing is committed past the record:
 * the client stops (see {@link StreamsConfiguration}), the instance restarts and reads the record
 * again once the registry is back.
 *
 * <p>Skipped records are logged at WARN with their coordinates and counted in
 * {@value #SKIPPED_METER} by {@code reason} and {@code topic} when a {@link MeterRegistry} is
 * passed under {@value #METER_REGISTRY_CONFIG} (Kafka Streams creates this class by reflection and
 * hands it the streams configuration).
 */
public class RegistryAwareDeserializationHandler implements DeserializationExceptionHandler {

    /** Streams configuration key under which the application passes its {@link MeterRegistry} instance. */
    public static final String METER_REGISTRY_CONFIG = "etl.streams.meter-registry";

    /** Counter of skipped input records, tagged {@code reason} and {@code topic}. */
    public static final String SKIPPED_METER = "etl.streams.deserialization.skipped";

    private static final Logger log = LoggerFactory.getLogger(RegistryAwareDeserializationHandler.class);

    /** Why a record could not be deserialized, and whether that is the record's fault. */
    public enum Reason {

        /** The registry has no schema with the record's id (40403): the record names a schema that does not exist. */
        UNKNOWN_SCHEMA_ID("unknown-schema-id", DeserializationHandlerResponse.CONTINUE),

        /** The registry answered with a schema this service cannot use (not Avro, not parseable). */
        UNUSABLE_SCHEMA("unusable-schema", DeserializationHandlerResponse.CONTINUE),

        /** Everything else the deserializer rejects: wrong magic byte, truncated or corrupt payload, unreadable writer schema. */
        UNDECODABLE("undecodable", DeserializationHandlerResponse.CONTINUE),

        /** The registry could not be reached (HTTP status 0) or failed (5xx): nothing is wrong with the record. */
        REGISTRY_UNAVAILABLE("registry-unavailable", DeserializationHandlerResponse.FAIL),

        /**
         * The registry refused the request for another reason (401/403 credentials, 429 rate limit, a
         * 404 that is not 40403 such as a wrong URL path): every record would hit it too, so skipping
         * would drop the whole stream.
         */
        REGISTRY_REFUSED("registry-refused", DeserializationHandlerResponse.FAIL),

        /**
         * Avro refused to instantiate the generated class (its package is not trusted through
         * {@code org.apache.avro.SERIALIZABLE_PACKAGES}): a setting of this service, so every record would hit it.
         */
        UNTRUSTED_CLASS("untrusted-class", DeserializationHandlerResponse.FAIL);

        private final String tag;
        private final DeserializationHandlerResponse response;

        Reason(String tag, DeserializationHandlerResponse response) {
            this.tag = tag;
            this.response = response;
        }

        /** The value of the {@code reason} tag. */
        public String tag() {
            return tag;
        }

        public DeserializationHandlerResponse response() {
            return response;
        }
    }

    private MeterRegistry meters;

    @Override
    public void configure(Map<String, ?> configs) {
        Object registry = configs.get(METER_REGISTRY_CONFIG);
        this.meters = registry instanceof MeterRegistry meterRegistry ? meterRegistry : null;
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        Reason reason = classify(exception);
        if (reason.response() == DeserializationHandlerResponse.FAIL) {
            log.error("Cannot deserialize record {}-{}@{} for a reason that is not the record's fault ({}); stopping instead of "
                            + "skipping it, so no record is lost: {}", context.topic(), context.partition(), context.offset(),
                    reason.tag(), exception.getMessage(), exception);
            return reason.response();
        }
        log.warn("Skipping undeserializable record {}-{}@{} ({}): {}", context.topic(), context.partition(), context.offset(),
                reason.tag(), exception.getMessage());
        if (meters != null) {
            Counter.builder(SKIPPED_METER)
                    .description("Input records skipped because they could not be deserialized")
                    .tag("reason", reason.tag())
                    .tag("topic", context.topic())
                    .register(meters)
                    .increment();
        }
        return reason.response();
    }

    /** The reason behind a deserialization failure, from the first {@link SchemaRegistryException} in its cause chain. */
    public static Reason classify(Throwable exception) {
        if (causeOfType(exception, SecurityException.class) != null) {
            return Reason.UNTRUSTED_CLASS;
        }
        SchemaRegistryException registryFailure = causeOfType(exception, SchemaRegistryException.class);
        if (registryFailure == null) {
            return Reason.UNDECODABLE;
        }
        int status = registryFailure.httpStatus();
        if (status == 0 || status >= 500) {
            return Reason.REGISTRY_UNAVAILABLE;
        }
        if (registryFailure.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND) {
            return Reason.UNKNOWN_SCHEMA_ID;
        }
        if (status >= 200 && status < 300) {
            return Reason.UNUSABLE_SCHEMA;
        }
        return Reason.REGISTRY_REFUSED;
    }

    private static <T extends Throwable> T causeOfType(Throwable exception, Class<T> type) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = exception; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
