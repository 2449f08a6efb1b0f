package org.etlsuite.transformer.run;

/** The pipeline already has a queued or running run: 409, naming it. */
public class ActiveRunConflictException extends RuntimeException {

    private final Pipeline pipeline;
    private final long activeRunId;

    public ActiveRunConflictException(Pipeline pipeline, long activeRunId) {
        super("Pipeline " + pipeline.id() + " already has an active run: " + activeRunId);
        this.pipeline = pipeline;
        this.activeRunId = activeRunId;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public long activeRunId() {
        return activeRunId;
    }
}
