package org.etlsuite.transformer.run.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.etlsuite.transformer.run.AttemptState;
import org.etlsuite.transformer.run.TaskName;
import org.etlsuite.transformer.run.TaskState;

/** One task of a run, with every attempt made at it. */
@Entity
@Table(name = "run_task")
public class RunTask {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "run_id")
    private PipelineRun run;

    @Column(nullable = false)
    private short position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TaskName name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TaskState state;

    @Column(nullable = false)
    private int attempts;
    private Instant startedAt;
    private Instant endedAt;
    private String error;

    @OneToMany(mappedBy = "task", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("attempt")
    private List<TaskAttempt> attemptList = new ArrayList<>();

    protected RunTask() {
    }

    RunTask(PipelineRun run, TaskName name) {
        this.run = run;
        this.name = name;
        this.position = (short) name.ordinal();
        this.state = TaskState.PENDING;
    }

    public TaskName getName() {
        return name;
    }

    public TaskState getState() {
        return state;
    }

    void setState(TaskState state) {
        this.state = state;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    void setEndedAt(Instant endedAt) {
        this.endedAt = endedAt;
    }

    public String getError() {
        return error;
    }

    void setError(String error) {
        this.error = error;
    }

    public List<TaskAttempt> getAttemptList() {
        return attemptList;
    }

    /** Starts the next attempt: the task is RUNNING and the attempt is recorded. */
    TaskAttempt startAttempt(Instant now) {
        attempts++;
        if (startedAt == null) {
            startedAt = now;
        }
        endedAt = null;
        state = TaskState.RUNNING;
        TaskAttempt attempt = new TaskAttempt(this, attempts, now);
        attemptList.add(attempt);
        return attempt;
    }

    /** The attempt in progress, if any (after a crash, the one the crash interrupted). */
    TaskAttempt runningAttempt() {
        return attemptList.stream().filter(attempt -> attempt.getState() == AttemptState.RUNNING).findFirst().orElse(null);
    }
}
