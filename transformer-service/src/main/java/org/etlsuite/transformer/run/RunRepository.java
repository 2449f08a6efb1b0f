package org.etlsuite.transformer.run;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

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

    /** Active runs whose executing instance has not reported for a while (or that never started). */
    @Query("select r.id from PipelineRun r where r.state in :states and (r.heartbeatAt is null and r.queuedAt < :staleBefore or r.heartbeatAt < :staleBefore)")
    List<Long> findStale(@Param("states") Collection<RunState> states, @Param("staleBefore") Instant staleBefore);

    @Modifying
    @Query("update PipelineRun r set r.heartbeatAt = :now where r.id in :ids and r.owner = :owner")
    int heartbeat(@Param("ids") Collection<Long> ids, @Param("owner") String owner, @Param("now") Instant now);

    @Query("select r.id from PipelineRun r where r.id in :ids and r.cancelRequested = true")
    List<Long> findCancelRequested(@Param("ids") Collection<Long> ids);
}
