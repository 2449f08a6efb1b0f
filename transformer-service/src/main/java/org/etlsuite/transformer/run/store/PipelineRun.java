package org.etlsuite.transformer.run.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.etlsuite.transformer.run.Pipeline;
import org.etlsuite.transformer.run.RunParameters;
import org.etlsuite.transformer.run.RunState;
import org.etlsuite.transformer.run.RunTrigger;
import org.etlsuite.transformer.run.TaskName;
import org.hibernate.annotations.DynamicUpdate;

/**
 * One run of a pipeline and what its tasks decided. Dynamic updates: the executing thread and the API
 * (cancel requests) change different columns of the same row, and neither may write back a stale copy
 * of the other's.
 */
@Entity
@Table(name = "pipeline_run")
@DynamicUpdate
public class PipelineRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String pipeline;

    @Enumerated(EnumType.STRING)
    @Column(name = "run_trigger", nullable = false)
    private RunTrigger trigger;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RunState state;

    @Column(nullable = false)
    private boolean generate;
    private Long events;
    private Double ratePerSecond;
    private Double durationSeconds;
    private Long seed;
    private Double dirtyFraction;

    @Column(nullable = false)
    private Instant queuedAt;
    private Instant startedAt;
    private Instant endedAt;
    private String owner;
    private Instant heartbeatAt;
    @Column(nullable = false)
    private boolean cancelRequested;

    private String burstId;
    private String inputRanges;
    private String outputStart;
    private String outputEnd;
    private Long generated;
    private Long processed;
    private Long rejected;
    private Long duplicates;
    private String rawFile;
    private String processedFile;
    private String error;

    @OneToMany(mappedBy = "run", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<RunTask> tasks = new ArrayList<>();

    protected PipelineRun() {
    }

    PipelineRun(Pipeline pipeline, RunTrigger trigger, RunParameters parameters, Instant now) {
        this.pipeline = pipeline.id();
        this.trigger = trigger;
        this.state = RunState.QUEUED;
        this.generate = parameters.generate();
        this.events = parameters.events();
        this.ratePerSecond = parameters.ratePerSecond();
        this.durationSeconds = parameters.durationSeconds();
        this.seed = parameters.seed();
        this.dirtyFraction = parameters.dirtyFraction();
        this.queuedAt = now;
        for (TaskName name : TaskName.values()) {
            tasks.add(new RunTask(this, name));
        }
    }

    public Long getId() {
        return id;
    }

    public Pipeline getPipeline() {
        return Pipeline.of(pipeline);
    }

    public RunTrigger getTrigger() {
        return trigger;
    }

    public RunState getState() {
        return state;
    }

    void setState(RunState state) {
        this.state = state;
    }

    public RunParameters getParameters() {
        return new RunParameters(generate, events, ratePerSecond, durationSeconds, seed, dirtyFraction);
    }

    public Instant getQueuedAt() {
        return queuedAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    void setStartedAt(Instant startedAt) {
        this.startedAt = startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    void setEndedAt(Instant endedAt) {
        this.endedAt = endedAt;
    }

    public String getOwner() {
        return owner;
    }

    void setOwner(String owner) {
        this.owner = owner;
    }

    public Instant getHeartbeatAt() {
        return heartbeatAt;
    }

    void setHeartbeatAt(Instant heartbeatAt) {
        this.heartbeatAt = heartbeatAt;
    }

    public boolean isCancelRequested() {
        return cancelRequested;
    }

    void setCancelRequested(boolean cancelRequested) {
        this.cancelRequested = cancelRequested;
    }

    public String getBurstId() {
        return burstId;
    }

    public void setBurstId(String burstId) {
        this.burstId = burstId;
    }

    public String getInputRanges() {
        return inputRanges;
    }

    public void setInputRanges(String inputRanges) {
        this.inputRanges = inputRanges;
    }

    public String getOutputStart() {
        return outputStart;
    }

    public void setOutputStart(String outputStart) {
        this.outputStart = outputStart;
    }

    public String getOutputEnd() {
        return outputEnd;
    }

    public void setOutputEnd(String outputEnd) {
        this.outputEnd = outputEnd;
    }

    public Long getGenerated() {
        return generated;
    }

    public void setGenerated(Long generated) {
        this.generated = generated;
    }

    public Long getProcessed() {
        return processed;
    }

    public Long getRejected() {
        return rejected;
    }

    public Long getDuplicates() {
        return duplicates;
    }

    public void setOutcome(long processed, long rejected, long duplicates) {
        this.processed = processed;
        this.rejected = rejected;
        this.duplicates = duplicates;
    }

    public String getRawFile() {
        return rawFile;
    }

    public void setRawFile(String rawFile) {
        this.rawFile = rawFile;
    }

    public String getProcessedFile() {
        return processedFile;
    }

    public void setProcessedFile(String processedFile) {
        this.processedFile = processedFile;
    }

    public String getError() {
        return error;
    }

    void setError(String error) {
        this.error = error;
    }

    public List<RunTask> getTasks() {
        return tasks;
    }

    public RunTask task(TaskName name) {
        return tasks.stream().filter(task -> task.getName() == name).findFirst()
                .orElseThrow(() -> new IllegalStateException("Run " + id + " has no task " + name));
    }
}
