package org.etlsuite.transformer.run;

/** A run that has already ended cannot be cancelled: 409. */
public class RunNotActiveException extends RuntimeException {

    public RunNotActiveException(long id, RunState state) {
        super("Run " + id + " has already ended (" + state + ")");
    }
}
