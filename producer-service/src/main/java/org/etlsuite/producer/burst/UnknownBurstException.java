package org.etlsuite.producer.burst;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404: no burst with this id in the (bounded, in-memory) history of the stream. */
class UnknownBurstException extends ErrorResponseException {

    UnknownBurstException(String stream, String id) {
        super(HttpStatus.NOT_FOUND, problem(stream, id), null);
    }

    private static ProblemDetail problem(String stream, String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "id: no burst '" + id + "' of stream '" + stream + "' (unknown, or dropped from the history)");
        problem.setTitle("Unknown burst");
        problem.setProperty("stream", stream);
        problem.setProperty("id", id);
        return problem;
    }
}
