package org.etlsuite.dashboard.runs;

import java.net.URI;

/** The transformer could not be asked, or did not answer as its run API does. */
class TransformerException extends RuntimeException {

    private final URI uri;
    private final String problem;

    /** @param method the HTTP method of the call, e.g. GET */
    TransformerException(String method, URI uri, String problem, Throwable cause) {
        super(method + " " + uri + ": " + problem, cause);
        this.uri = uri;
        this.problem = problem;
    }

    URI uri() {
        return uri;
    }

    /** What went wrong, in a few words, e.g. "connection refused". */
    String problem() {
        return problem;
    }
}
