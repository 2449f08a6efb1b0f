package org.etlsuite.transformer.run;

/**
 * What a task needs to know about the run it works for; everything else it reads from the run row.
 *
 * @param cancellation throws {@link RunCancelledException} once the run is cancelled; long loops call it
 */
record RunContext(long runId, Pipeline pipeline, Runnable cancellation) {

    void checkCancelled() {
        cancellation.run();
    }
}
