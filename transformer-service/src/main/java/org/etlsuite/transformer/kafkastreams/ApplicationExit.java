package org.etlsuite.transformer.kafkastreams;

/**
 * Ends the application. An interface so that tests can observe the decision to exit without
 * ending the test JVM.
 */
public interface ApplicationExit {

    /**
     * Starts ending the application with a non-zero status and returns at once; the caller may be
     * a thread the shutdown has to wait for. Calls after the first are ignored.
     *
     * @param status process exit status, not 0
     * @param reason why, for the log
     */
    void exit(int status, String reason);
}
