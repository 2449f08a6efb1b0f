package org.etlsuite.producer.continuous;

/** Whether a stream's continuous generator is sending. */
public enum ContinuousState {
    /** Sending at its rate until stopped. */
    RUNNING,
    /** Never started, stopped on request, or ended by a generator failure or a shutdown ({@code error} says which). */
    STOPPED
}
