package org.etlsuite.transformer.run;

/** Outcome of one attempt of a task. */
public enum AttemptState {
    RUNNING, SUCCESS, FAILED, CANCELLED
}
