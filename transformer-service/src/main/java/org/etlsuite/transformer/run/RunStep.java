package org.etlsuite.transformer.run;

/** One task of a run. An attempt either returns (success) or throws (failure, retried per the pipeline's policy). */
public interface RunStep {

    TaskName name();

    void execute(RunContext run) throws Exception;
}
