package org.etlsuite.transformer.run;

/** The parameters of a run request are inconsistent or out of range: 400. */
public class InvalidRunParametersException extends RuntimeException {

    public InvalidRunParametersException(String message) {
        super(message);
    }
}
