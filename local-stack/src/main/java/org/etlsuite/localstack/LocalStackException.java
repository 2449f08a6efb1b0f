package org.etlsuite.localstack;

/**
 * A failure the person running the stack can act on: the message says what went wrong and what to do,
 * so the launcher prints it as is instead of a stack trace.
 */
public class LocalStackException extends RuntimeException {

    public LocalStackException(String message) {
        super(message);
    }

    public LocalStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
