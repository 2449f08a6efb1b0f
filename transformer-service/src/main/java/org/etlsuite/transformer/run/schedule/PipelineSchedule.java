package org.etlsuite.transformer.run.schedule;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.etlsuite.transformer.run.Pipeline;

/** Whether a pipeline's schedule fires; kept in the database so that a pause survives restarts and holds for every instance. */
@Entity
@Table(name = "pipeline_schedule")
public class PipelineSchedule {

    @Id
    private String pipeline;

    @Column(nullable = false)
    private boolean paused;

    @Column(nullable = false)
    private Instant updatedAt;

    protected PipelineSchedule() {
    }

    PipelineSchedule(Pipeline pipeline, boolean paused, Instant now) {
        this.pipeline = pipeline.id();
        this.paused = paused;
        this.updatedAt = now;
    }

    public boolean isPaused() {
        return paused;
    }

    void setPaused(boolean paused, Instant now) {
        this.paused = paused;
        this.updatedAt = now;
    }
}
