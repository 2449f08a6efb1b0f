package org.etlsuite.producer.burst;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 503: every burst thread is busy and the waiting queue is full; nothing was started. */
class BurstRejectedException extends ErrorResponseException {

    BurstRejectedException(int running, int waiting) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(running, waiting), null);
        getHeaders().set("Retry-After", "5");
    }

    private static ProblemDetail problem(int running, int waiting) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "events: too many bursts in progress (" + running + " running, " + waiting
                        + " waiting); retry when one has finished");
        problem.setTitle("Too many bursts");
        return problem;
    }
}
