package org.etlsuite.transformer.run;

/**
 * The run is no longer this instance's to execute: another instance took it over (this one was taken
 * for stopped, e.g. during a database stall), or it has ended. The executing thread stops and records
 * nothing more: whatever it would write now could only contradict what the new owner writes.
 */
public class RunFencedException extends RuntimeException {

    public RunFencedException(long runId, String owner, String why) {
        super("Run " + runId + " is no longer executed by " + owner + ": " + why);
    }
}
