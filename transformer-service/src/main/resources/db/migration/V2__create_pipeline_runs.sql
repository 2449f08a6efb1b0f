-- Pipeline runs: what Airflow kept in its metadata database (DAG runs, task instances, tries).

-- One row per pipeline: whether its schedule fires. Created at start-up from the configuration
-- (paused unless configured otherwise) and changed only through the REST API afterwards.
CREATE TABLE pipeline_schedule (
    pipeline   VARCHAR(40) PRIMARY KEY,
    paused     BOOLEAN     NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE pipeline_run (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pipeline         VARCHAR(40)  NOT NULL,
    run_trigger      VARCHAR(16)  NOT NULL CHECK (run_trigger IN ('SCHEDULE', 'MANUAL', 'API')),
    state            VARCHAR(16)  NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCESS', 'FAILED', 'CANCELLED')),
    -- the run's parameters, defaults filled in: generate a burst (events at rate_per_second, or
    -- for duration_seconds at rate_per_second) or take what is already in Kafka (generate false)
    generate         BOOLEAN      NOT NULL,
    events           BIGINT CHECK (events >= 1),
    rate_per_second  DOUBLE PRECISION,
    duration_seconds DOUBLE PRECISION,
    seed             BIGINT,
    dirty_fraction   DOUBLE PRECISION CHECK (dirty_fraction BETWEEN 0 AND 1),
    queued_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE,
    ended_at         TIMESTAMP WITH TIME ZONE,
    -- the instance executing the run and when it last said so: a run whose heartbeat stops is
    -- recovered (resumed or failed) by any instance
    owner            VARCHAR(64),
    heartbeat_at     TIMESTAMP WITH TIME ZONE,
    cancel_requested BOOLEAN      NOT NULL DEFAULT FALSE,
    -- what extract decided and the later tasks read: the producer burst whose records belong to the
    -- run (absent when the run takes what is already in Kafka), the input offset range per partition
    -- and where the scan of the output topics starts and ends ("partition:from-to;...")
    burst_id         VARCHAR(64),
    input_ranges     TEXT,
    output_start     TEXT,
    output_end       TEXT,
    generated        BIGINT CHECK (generated >= 0),
    processed        BIGINT CHECK (processed >= 0),
    rejected         BIGINT CHECK (rejected >= 0),
    duplicates       BIGINT CHECK (duplicates >= 0),
    raw_file         VARCHAR(255),
    processed_file   VARCHAR(255),
    error            TEXT
);

-- At most one active run per pipeline, whichever instance or thread asks: a second insert fails
-- and the API answers 409 with the active run.
CREATE UNIQUE INDEX pipeline_run_one_active ON pipeline_run (pipeline) WHERE state IN ('QUEUED', 'RUNNING');
CREATE INDEX pipeline_run_pipeline_queued_at ON pipeline_run (pipeline, queued_at DESC);
CREATE INDEX pipeline_run_active_heartbeat ON pipeline_run (heartbeat_at) WHERE state IN ('QUEUED', 'RUNNING');

CREATE TABLE run_task (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id     BIGINT      NOT NULL REFERENCES pipeline_run (id) ON DELETE CASCADE,
    position   SMALLINT    NOT NULL,
    name       VARCHAR(32) NOT NULL,
    state      VARCHAR(16) NOT NULL CHECK (state IN ('PENDING', 'RUNNING', 'UP_FOR_RETRY', 'SUCCESS', 'FAILED', 'CANCELLED', 'SKIPPED')),
    attempts   INTEGER     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    started_at TIMESTAMP WITH TIME ZONE,
    ended_at   TIMESTAMP WITH TIME ZONE,
    error      TEXT,
    UNIQUE (run_id, position),
    UNIQUE (run_id, name)
);

-- Every try of a task, as Airflow's task tries: a retried task has one row per attempt.
CREATE TABLE task_attempt (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id    BIGINT      NOT NULL REFERENCES run_task (id) ON DELETE CASCADE,
    attempt    INTEGER     NOT NULL CHECK (attempt >= 1),
    state      VARCHAR(16) NOT NULL CHECK (state IN ('RUNNING', 'SUCCESS', 'FAILED', 'CANCELLED')),
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at   TIMESTAMP WITH TIME ZONE,
    error      TEXT,
    UNIQUE (task_id, attempt)
);
