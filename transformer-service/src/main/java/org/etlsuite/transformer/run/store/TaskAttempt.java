package org.etlsuite.transformer.run.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.etlsuite.transformer.run.AttemptState;

/** One try of a task. */
@Entity
@Table(name = "task_attempt")
public class TaskAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id")
    private RunTask task;

    @Column(nullable = false)
    private int attempt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AttemptState state;

    @Column(nullable = false)
    private Instant startedAt;
    private Instant endedAt;
    private String error;

    protected TaskAttempt() {
    }

    TaskAttempt(RunTask task, int attempt, Instant startedAt) {
        this.task = task;
        this.attempt = attempt;
        this.startedAt = startedAt;
        this.state = AttemptState.RUNNING;
    }

    public int getAttempt() {
        return attempt;
    }

    public AttemptState getState() {
        return state;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public String getError() {
        return error;
    }

    void end(AttemptState state, Instant now, String error) {
        this.state = state;
        this.endedAt = now;
        this.error = error;
    }
}
