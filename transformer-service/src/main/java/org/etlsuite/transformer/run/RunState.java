package org.etlsuite.transformer.run;

/** Lifecycle of a run: QUEUED → RUNNING → SUCCESS | FAILED | CANCELLED (QUEUED may be cancelled directly). */
public enum RunState {
    QUEUED, RUNNING, SUCCESS, FAILED, CANCELLED;

    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }
}
