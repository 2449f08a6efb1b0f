package org.etlsuite.transformer.run;

/** Kafka did not answer a question a request depends on: 503, the request may be repeated. */
public class KafkaUnavailableException extends RuntimeException {

    KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
