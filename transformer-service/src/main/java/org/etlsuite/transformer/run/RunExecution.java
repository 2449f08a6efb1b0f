package org.etlsuite.transformer.run;

/**
 * One run executing on this instance: whether a cancel was requested, whether it was fenced (its
 * heartbeat found it no longer this instance's), and the thread executing it. A fence interrupts that
 * thread, so that a task waiting on Kafka, the producer or a retry backoff stops at once rather than
 * at its next check.
 */
final class RunExecution {

    private final long runId;
    private volatile boolean claimed;
    private volatile boolean cancelled;
    private volatile boolean fenced;
    /** The executing thread while it executes the run; null before and after, so that a late fence interrupts nothing else. */
    private Thread thread;

    RunExecution(long runId) {
        this.runId = runId;
    }

    long runId() {
        return runId;
    }

    synchronized void started(Thread executing) {
        thread = executing;
    }

    synchronized void ended() {
        thread = null;
    }

    /** The run is this instance's in the database from now on: its heartbeat may begin. */
    void claimed() {
        claimed = true;
    }

    boolean isClaimed() {
        return claimed;
    }

    void cancel() {
        cancelled = true;
    }

    /**
     * Stops the execution: its next check throws {@link RunFencedException}, and its thread is
     * interrupted now.
     *
     * @return whether this call fenced it (false when it already was)
     */
    synchronized boolean fence() {
        if (fenced) {
            return false;
        }
        fenced = true;
        if (thread != null) {
            thread.interrupt();
        }
        return true;
    }

    boolean fenced() {
        return fenced;
    }

    /** Throws when the run must stop here: fenced first (then nothing may be recorded, not even the cancel), then cancelled. */
    void check(String owner) {
        if (fenced) {
            throw new RunFencedException(runId, owner, "its heartbeat found it taken over by another instance, or ended");
        }
        if (cancelled) {
            throw new RunCancelledException(runId);
        }
    }
}
