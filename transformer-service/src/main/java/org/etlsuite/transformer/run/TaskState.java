package org.etlsuite.transformer.run;

/**
 * State of one task of a run, after Airflow's task instances: UP_FOR_RETRY while it waits for its
 * next attempt, SKIPPED when an earlier task failed, CANCELLED when the run was cancelled.
 */
public enum TaskState {
    PENDING, RUNNING, UP_FOR_RETRY, SUCCESS, FAILED, CANCELLED, SKIPPED
}
