package org.etlsuite.transformer.run;

import org.springframework.data.jpa.repository.JpaRepository;

interface ScheduleRepository extends JpaRepository<PipelineSchedule, String> {
}
