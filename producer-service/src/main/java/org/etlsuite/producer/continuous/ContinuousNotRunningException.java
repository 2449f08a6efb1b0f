package org.etlsuite.producer.continuous;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404: there is no running continuous generator of the stream to stop. */
class ContinuousNotRunningException extends ErrorResponseException {

    ContinuousNotRunningException(String stream) {
        super(HttpStatus.NOT_FOUND, problem(stream), null);
    }

    private static ProblemDetail problem(String stream) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "stream: no continuous generator of stream '" + stream + "' is running");
        problem.setTitle("Continuous stream not running");
        problem.setProperty("stream", stream);
        return problem;
    }
}
