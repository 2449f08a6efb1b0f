package org.etlsuite.producer.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404: the path names a stream the producer does not generate. */
public class UnknownStreamException extends ErrorResponseException {

    public UnknownStreamException(String stream, List<String> knownStreams) {
        super(HttpStatus.NOT_FOUND, problem(stream, knownStreams), null);
    }

    private static ProblemDetail problem(String stream, List<String> knownStreams) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "stream: unknown stream '" + stream + "'; known streams: " + String.join(", ", knownStreams));
        problem.setTitle("Unknown stream");
        problem.setProperty("stream", stream);
        problem.setProperty("knownStreams", knownStreams);
        return problem;
    }
}
