package org.etlsuite.dashboard.runs;

import java.net.URI;
import java.util.Optional;

import org.springframework.http.HttpStatusCode;

/** The transformer could not be asked, or did not answer as its run API does. */
class TransformerException extends RuntimeException {

    private final URI uri;
    private final String problem;
    private final boolean reached;
    private final HttpStatusCode status;

    /**
     * @param method  the HTTP method of the call, e.g. GET
     * @param reached whether the transformer answered at all (with an error, or with something unexpected)
     * @param status  the status of its error answer, or null
     */
    TransformerException(String method, URI uri, String problem, boolean reached, HttpStatusCode status, Throwable cause) {
        super(method + " " + uri + ": " + problem, cause);
        this.uri = uri;
        this.problem = problem;
        this.reached = reached;
        this.status = status;
    }

    URI uri() {
        return uri;
    }

    /** What went wrong, in a few words, e.g. "connection refused". */
    String problem() {
        return problem;
    }

    /** The status of the transformer's error answer; empty when it could not be asked or answered 2xx. */
    Optional<HttpStatusCode> status() {
        return Optional.ofNullable(status);
    }

    /**
     * What the transformer did, to end a sentence that names it: "answered 409 Conflict: Run 17 has already ended
     * (SUCCESS)", or "could not be reached (connection refused)".
     */
    String outcome() {
        return reached ? problem : "could not be reached (" + problem + ")";
    }
}
