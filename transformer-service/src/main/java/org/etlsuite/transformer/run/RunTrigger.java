package org.etlsuite.transformer.run;

/** What started a run: its pipeline's schedule, a person (dashboard or tool saying so) or a program calling the API. */
public enum RunTrigger {
    SCHEDULE, MANUAL, API
}
