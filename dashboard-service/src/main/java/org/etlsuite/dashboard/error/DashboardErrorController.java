package org.etlsuite.dashboard.error;

import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Boot's error controller, except that it says why: the reason the dashboard gives when it refuses a
 * request (a {@link ResponseStatusException}, such as "no data to draw this chart from yet") is shown,
 * where Boot shows no message by default, and a client accepting neither HTML nor JSON (a chart's
 * {@code Accept: image/png}) gets it as one line of plain text, where Boot answers the status with an empty body.
 * Messages of other exceptions stay hidden (Boot's default): they are written for developers.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DashboardErrorController extends BasicErrorController {

    private final ErrorAttributes errorAttributes;

    DashboardErrorController(ErrorAttributes errorAttributes, WebProperties webProperties, List<ErrorViewResolver> errorViewResolvers) {
        super(errorAttributes, webProperties.getError(), errorViewResolvers);
        this.errorAttributes = errorAttributes;
    }

    @Override
    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        requireErrorDispatch(request);
        return super.errorHtml(request, response);
    }

    @Override
    @RequestMapping
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        requireErrorDispatch(request);
        return super.error(request);
    }

    /** {@code /error} opened by itself is no error to report (Boot would call it a 500): there is no page there. */
    private static void requireErrorDispatch(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    @Override
    protected boolean isIncludeMessage(HttpServletRequest request, MediaType produces) {
        return errorAttributes.getError(new ServletWebRequest(request)) instanceof ResponseStatusException refusal && refusal.getReason() != null
                || super.isIncludeMessage(request, produces);
    }

    @Override
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    public ResponseEntity<String> mediaTypeNotAcceptable(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        String line = status.value() + " " + status.getReasonPhrase();
        // the reason given to sendError; a server error's message is the exception's, which stays hidden
        if (status.is4xxClientError() && request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String reason
                && !reason.isBlank() && !reason.equals(status.getReasonPhrase())) {
            line += ": " + reason;
        }
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(line + "\n");
    }
}
