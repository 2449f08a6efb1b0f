package org.etlsuite.producer.continuous;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 409: the request would change the seed or the back-fill window of a running continuous stream. Those fix the event
 * sequence, which a re-rate keeps; changing them means a new stream, so the running one has to be stopped first.
 */
class ContinuousConflictException extends ErrorResponseException {

    ContinuousConflictException(String stream, String field, String running, String requested) {
        super(HttpStatus.CONFLICT, problem(stream, field, running, requested), null);
    }

    private static ProblemDetail problem(String stream, String field, String running, String requested) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                field + ": the continuous stream '" + stream + "' is running with " + field + " " + running
                        + ", not " + requested + "; only ratePerSecond and dirtyFraction change while it runs"
                        + " (stop it with DELETE first)");
        problem.setTitle("Continuous stream running");
        problem.setProperty("stream", stream);
        problem.setProperty("field", field);
        return problem;
    }
}
