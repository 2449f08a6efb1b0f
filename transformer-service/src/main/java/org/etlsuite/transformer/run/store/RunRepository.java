package org.etlsuite.transformer.run.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.etlsuite.transformer.run.RunState;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RunRepository extends JpaRepository<PipelineRun, Long> {

    Page<PipelineRun> findByPipeline(String pipeline, Pageable pageable);

    Page<PipelineRun> findByPipelineAndState(String pipeline, RunState state, Pageable pageable);

    Optional<PipelineRun> findFirstByPipelineAndStateIn(String pipeline, Collection<RunState> states);

    /** The latest successful run of the pipeline that took "what is already in Kafka": where the next such run starts. */
    Optional<PipelineRun> findFirstByPipelineAndGenerateFalseAndStateAndIdNotOrderByIdDesc(String pipeline, RunState state, long excludedId);

    boolean existsByRawFileAndIdNot(String rawFile, long excludedId);

    /**
     * Active runs whose executing instance has not reported for {@code staleAfterMillis} (or that were
     * queued that long ago and never claimed), by the database's clock: the heartbeats are written by
     * it too, so the clocks of the instances never meet.
     */
    @Query(nativeQuery = true, value = """
            SELECT id FROM pipeline_run
            WHERE state IN ('QUEUED', 'RUNNING')
              AND (heartbeat_at < current_timestamp - :staleAfterMillis * interval '1 millisecond'
                   OR heartbeat_at IS NULL AND queued_at < current_timestamp - :staleAfterMillis * interval '1 millisecond')
            ORDER BY id""")
    List<Long> findStale(@Param("staleAfterMillis") long staleAfterMillis);

    /**
     * Marks the run alive at the database's time, if it is still active and this owner's.
     *
     * @return 1, or 0 when another instance took the run over or it has ended
     */
    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE pipeline_run SET heartbeat_at = current_timestamp
            WHERE id = :id AND owner = :owner AND state IN ('QUEUED', 'RUNNING')""")
    int heartbeat(@Param("id") long id, @Param("owner") String owner);

    /** The database's time: the one clock of the run history, whichever instance writes it. */
    @Query(nativeQuery = true, value = "SELECT current_timestamp")
    Instant databaseTime();

    @Query("select r.id from PipelineRun r where r.id in :ids and r.cancelRequested = true")
    List<Long> findCancelRequested(@Param("ids") Collection<Long> ids);
}
