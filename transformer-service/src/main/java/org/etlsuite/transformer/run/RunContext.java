package org.etlsuite.transformer.run;

/**
 * What a task needs to know about the run it works for; everything else it reads from the run row.
 *
 * @param owner        the instance executing the run: every change a task makes to the run row carries it
 *                     ({@link org.etlsuite.transformer.run.store.RunStore#update}), and is refused once another
 *                     instance owns the run
 * @param cancellation throws {@link RunCancelledException} once the run is cancelled, and
 *                     {@link RunFencedException} once it is no longer this instance's; long loops call it
 * @param ownership    throws {@link RunFencedException} unless the database still has this instance as the
 *                     owner of the active run
 */
public record RunContext(long runId, Pipeline pipeline, String owner, Runnable cancellation, Runnable ownership) {

    public void checkCancelled() {
        cancellation.run();
    }

    /**
     * Asks the database whether the run is still this instance's: before a task replaces a file, which
     * no owner condition guards. What a fenced instance could still do is the rename itself, with the
     * same content as the new owner's, since a run's range is fixed.
     */
    public void confirmOwned() {
        ownership.run();
    }
}
