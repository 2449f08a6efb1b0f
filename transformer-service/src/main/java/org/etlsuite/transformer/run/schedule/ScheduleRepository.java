package org.etlsuite.transformer.run.schedule;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ScheduleRepository extends JpaRepository<PipelineSchedule, String> {
}
