package org.etlsuite.producer.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.test.web.servlet.ResultMatcher;

/**
 * The problem bodies that the burst and continuous endpoints answer for a request they refuse, as MockMvc matchers.
 * Both controllers hand their errors to the one {@link ApiProblemHandler}, check bodies with the same
 * {@link RequestChecks} and resolve the stream with the same {@link EventStreamArgumentResolver}, so the two test
 * classes expect the same problems, written once here.
 */
public final class ProblemMatchers {

    public static final String PROBLEM_JSON = "application/problem+json";

    /** The messages of the fields that a burst and a continuous stream share, with the same bounds. */
    public static final String SLOWER_THAN_MIN = "must be greater than or equal to 0.1";
    public static final String NOT_A_FRACTION = "must be between 0 and 1";
    public static final String NOT_A_DURATION =
            "must be an ISO-8601 duration of days, hours, minutes or seconds, such as P7D, PT6H or P1DT12H";

    private ProblemMatchers() {
    }

    /** 400 naming exactly one wrong field, in {@code detail} and as the only entry of {@code errors}. */
    public static ResultMatcher invalidField(String field, String message, String instance) {
        return allOf(
                status().isBadRequest(),
                content().contentType(PROBLEM_JSON),
                jsonPath("$.status").value(400),
                jsonPath("$.detail").value(field + ": " + message),
                jsonPath("$.errors", hasSize(1)),
                jsonPath("$.errors[0].field").value(field),
                jsonPath("$.errors[0].message").value(message),
                jsonPath("$.instance").value(instance));
    }

    /** 400 naming several wrong fields in one problem: all of them in {@code detail}, one entry each in {@code errors}. */
    public static ResultMatcher invalidRequest(String detail, int wrongFields) {
        return allOf(
                status().isBadRequest(),
                content().contentType(PROBLEM_JSON),
                jsonPath("$.title").value("Invalid request"),
                jsonPath("$.detail").value(detail),
                jsonPath("$.errors", hasSize(wrongFields)));
    }

    /** 400 for a request without a body. */
    public static ResultMatcher missingBody() {
        return allOf(
                status().isBadRequest(),
                content().contentType(PROBLEM_JSON),
                jsonPath("$.detail").value("request body: a JSON object is required"));
    }

    /** 400 for a body that is not JSON: the position of the syntax error, under the field {@code request body}. */
    public static ResultMatcher malformedJson() {
        return allOf(
                status().isBadRequest(),
                content().contentType(PROBLEM_JSON),
                jsonPath("$.title").value("Unreadable request body"),
                jsonPath("$.detail").value(startsWith("request body: malformed JSON at line 1, column ")),
                jsonPath("$.errors[0].field").value("request body"));
    }

    /** 404 for a stream that does not exist, listing the known ones (in their order). */
    public static ResultMatcher unknownStream(String stream, String instance, String... knownStreams) {
        return allOf(
                status().isNotFound(),
                content().contentType(PROBLEM_JSON),
                jsonPath("$.title").value("Unknown stream"),
                jsonPath("$.detail").value(
                        "stream: unknown stream '" + stream + "'; known streams: " + String.join(", ", knownStreams)),
                jsonPath("$.instance").value(instance));
    }

    /** 405, with the method that the path does take in {@code Allow}. */
    public static ResultMatcher methodNotAllowed(String allowed) {
        return allOf(
                status().isMethodNotAllowed(),
                content().contentType(PROBLEM_JSON),
                jsonPath("$.status").value(405),
                header().string("Allow", containsString(allowed)));
    }

    /** Every one of the matchers, in order (Spring's own {@code ResultMatcher.matchAll} is gone since Spring 7). */
    public static ResultMatcher allOf(ResultMatcher... matchers) {
        return result -> {
            for (ResultMatcher matcher : matchers) {
                matcher.match(result);
            }
        };
    }
}
