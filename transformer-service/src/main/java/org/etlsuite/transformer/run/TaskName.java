package org.etlsuite.transformer.run;

/** The tasks of every run, in order. */
public enum TaskName {
    /** Ask the producer for a burst (or take what is already in Kafka) and fix the run's offset range. */
    EXTRACT("extract"),
    /** Wait until Kafka Streams has processed (and committed) through the range. */
    AWAIT("await"),
    /** Archive exactly the run's raw events to the raw zone. */
    LOAD_RAW("load-raw"),
    /** Write the run's processed events and refresh the KPI files. */
    TRANSFORM("transform");

    private final String label;

    TaskName(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
