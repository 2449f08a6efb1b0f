package org.etlsuite.transformer.run;

/** No run has the requested id: 404. */
public class UnknownRunException extends RuntimeException {

    public UnknownRunException(long id) {
        super("Unknown run " + id);
    }
}
