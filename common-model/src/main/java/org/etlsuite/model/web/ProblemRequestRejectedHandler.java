package org.etlsuite.model.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers a request that Spring Security's firewall refuses (an encoded '%', '/' or '..' in the path, a NUL, ...):
 * 400 as {@code application/problem+json} like every other refusal of the API, where Spring Security's default
 * answers 400 without a body. The path is not echoed back: it is what was refused.
 */
final class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "the request was refused before it reached the API: " + rejected.getMessage());
    }
}
