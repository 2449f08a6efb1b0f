package org.etlsuite.transformer.run;

/** Thrown inside a task when its run was cancelled: the task stops without a retry. */
public class RunCancelledException extends RuntimeException {

    RunCancelledException(long runId) {
        super("Run " + runId + " was cancelled");
    }
}
