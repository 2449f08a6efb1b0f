package org.etlsuite.transformer.stream;

/**
 * A record cannot be processed for a reason that is not the record's fault: the Schema Registry is
 * unreachable, failing or refusing every request, or Avro refuses this service's generated classes.
 * Dead-lettering the record would be wrong (it is fine) and would dead-letter every record after it
 * too, so the processor throws this instead: the processing exception handler fails (see
 * {@code application.yml}), the open transaction is aborted so nothing is committed past the record,
 * the client reaches ERROR and the application exits for a restart that reads the record again.
 */
public class StreamHaltException extends RuntimeException {

    public StreamHaltException(String message, Throwable cause) {
        super(message, cause);
    }
}
