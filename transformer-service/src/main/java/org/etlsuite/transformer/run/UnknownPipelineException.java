package org.etlsuite.transformer.run;

import java.util.stream.Collectors;

/** No pipeline has the requested id or DAG id: 404. */
public class UnknownPipelineException extends RuntimeException {

    public UnknownPipelineException(String requested) {
        super("Unknown pipeline '" + requested + "'; known: " + Pipeline.all().stream()
                .map(pipeline -> pipeline.id() + " (" + pipeline.dagId() + ")")
                .collect(Collectors.joining(", ")));
    }
}
