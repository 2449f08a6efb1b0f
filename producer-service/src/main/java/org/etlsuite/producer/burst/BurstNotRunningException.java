package org.etlsuite.producer.burst;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 409: only a running burst can be cancelled; this one has already ended. */
class BurstNotRunningException extends ErrorResponseException {

    BurstNotRunningException(BurstView burst) {
        super(HttpStatus.CONFLICT, problem(burst), null);
    }

    private static ProblemDetail problem(BurstView burst) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "id: burst '" + burst.id() + "' of stream '" + burst.stream() + "' is already " + burst.state()
                        + "; only a RUNNING burst can be cancelled");
        problem.setTitle("Burst not running");
        problem.setProperty("stream", burst.stream());
        problem.setProperty("id", burst.id());
        problem.setProperty("state", burst.state());
        return problem;
    }
}
