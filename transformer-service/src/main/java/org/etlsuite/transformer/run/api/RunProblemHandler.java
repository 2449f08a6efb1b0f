package org.etlsuite.transformer.run.api;

import java.net.URI;

import org.etlsuite.transformer.run.ActiveRunConflictException;
import org.etlsuite.transformer.run.DatabaseUnavailable;
import org.etlsuite.transformer.run.InvalidRunParametersException;
import org.etlsuite.transformer.run.KafkaUnavailableException;
import org.etlsuite.transformer.run.RunNotActiveException;
import org.etlsuite.transformer.run.UnknownPipelineException;
import org.etlsuite.transformer.run.UnknownRunException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of the service's HTTP API as RFC 9457 {@code application/problem+json}: Spring's base class
 * covers the framework's (unknown route, wrong method or media type, a path or query value of the wrong
 * type); the handlers below cover the run API's own, an unreachable PostgreSQL (503, the run history
 * lives there) and, as 500, anything else. Not limited to the run controllers: a path that matches no
 * controller at all gets its 404 from here too.
 */
@RestControllerAdvice
class RunProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(RunProblemHandler.class);
    /** Seconds a client should wait before asking again while PostgreSQL is down. */
    static final String DATABASE_RETRY_AFTER = "5";

    @ExceptionHandler(UnknownPipelineException.class)
    ResponseEntity<Object> unknownPipeline(UnknownPipelineException e, WebRequest request) {
        return problem(e, HttpStatus.NOT_FOUND, "Unknown pipeline", e.getMessage(), request);
    }

    @ExceptionHandler(UnknownRunException.class)
    ResponseEntity<Object> unknownRun(UnknownRunException e, WebRequest request) {
        return problem(e, HttpStatus.NOT_FOUND, "Unknown run", e.getMessage(), request);
    }

    @ExceptionHandler(InvalidRunParametersException.class)
    ResponseEntity<Object> invalidParameters(InvalidRunParametersException e, WebRequest request) {
        return problem(e, HttpStatus.BAD_REQUEST, "Invalid run parameters", e.getMessage(), request);
    }

    @ExceptionHandler(KafkaUnavailableException.class)
    ResponseEntity<Object> kafkaUnavailable(KafkaUnavailableException e, WebRequest request) {
        return problem(e, HttpStatus.SERVICE_UNAVAILABLE, "Kafka unavailable", e.getMessage(), request);
    }

    @ExceptionHandler(ActiveRunConflictException.class)
    ResponseEntity<Object> activeRun(ActiveRunConflictException e, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Pipeline has an active run");
        problem.setProperty("activeRunId", e.activeRunId());
        problem.setProperty("activeRun", "/api/runs/" + e.activeRunId());
        HttpHeaders headers = new HttpHeaders();
        headers.setLocation(URI.create("/api/runs/" + e.activeRunId()));
        return handleExceptionInternal(e, problem, headers, HttpStatus.CONFLICT, request);
    }

    @ExceptionHandler(RunNotActiveException.class)
    ResponseEntity<Object> notActive(RunNotActiveException e, WebRequest request) {
        return problem(e, HttpStatus.CONFLICT, "Run has ended", e.getMessage(), request);
    }

    /**
     * PostgreSQL stopped or unreachable: 503 with {@code Retry-After}, nothing was changed. Any other database
     * failure is a bug (500).
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<Object> database(RuntimeException e, WebRequest request) {
        if (!DatabaseUnavailable.causes(e)) {
            return unexpected(e, request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "PostgreSQL, which holds the pipelines' schedules and run history, cannot be reached ("
                        + NestedExceptionUtils.getMostSpecificCause(e).getMessage() + "); nothing was changed, try again shortly");
        problem.setTitle("Database unavailable");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER);
        return handleExceptionInternal(e, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    /** A bug: logged with its stack trace, answered without it. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // the client went away: nobody to answer
            return null;
        }
        log.error("Unexpected error answering {}", request.getDescription(false), e);
        return problem(e, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request could not be completed because of an unexpected error (" + e.getClass().getSimpleName()
                        + "); the service log has the details", request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String detail = "the body must be a JSON object";
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnrecognizedPropertyException unknown) {
                detail = unknown.getPropertyName() + ": unknown field; known fields: " + String.join(", ",
                        unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList());
                break;
            }
            if (cause instanceof JacksonException jackson) {
                detail = "malformed or mistyped JSON: " + jackson.getOriginalMessage();
                break;
            }
        }
        return problem(ex, HttpStatus.BAD_REQUEST, "Unreadable request body", detail, request);
    }

    /** Fills in {@code instance} (the request path) on every problem that lacks it. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                             WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem && problem.getInstance() == null
                && request instanceof ServletWebRequest servlet) {
            problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
        }
        return response;
    }

    private ResponseEntity<Object> problem(Exception e, HttpStatus status, String title, String detail, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return handleExceptionInternal(e, problem, new HttpHeaders(), status, request);
    }
}
