package org.etlsuite.dashboard.kpi;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.etlsuite.dashboard.csv.CsvFileSnapshot;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.NativeWebRequest;
import tools.jackson.databind.ObjectMapper;

/**
 * The KPI files of the dashboard's pages, read-only: the list of datasets, and each one's rows as JSON or its file
 * as CSV. Every refusal is {@code application/problem+json}.
 */
@RestController
// MVC's content negotiation, which the controller reads Accept with, exists only in a web application
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RequestMapping("/api/kpis")
class KpiController {

    private final KpiDatasets datasets;
    private final ContentNegotiationManager negotiation;
    private final ObjectMapper json;

    /**
     * @param negotiation reads {@code Accept} as the rest of the dashboard does (leniently)
     * @param json        Boot's, so that the rows are written as every other JSON answer of the dashboard
     */
    KpiController(KpiDatasets datasets, ContentNegotiationManager negotiation, ObjectMapper json) {
        this.datasets = datasets;
        this.negotiation = negotiation;
        this.json = json;
    }

    /** Every dataset, in name order, also those whose file has not been written yet. */
    @GetMapping
    List<KpiDatasetSummary> list() {
        return datasets.all().stream().map(KpiDataset::summary).toList();
    }

    /**
     * One dataset: its rows, or with {@code Accept: text/csv} its file. Spring answers 304 from the validators
     * when {@code If-None-Match} or {@code If-Modified-Since} match them.
     */
    @GetMapping("/{dataset}")
    ResponseEntity<?> dataset(@PathVariable String dataset, NativeWebRequest request) throws HttpMediaTypeNotAcceptableException {
        KpiDataset found = datasets.find(dataset);
        CsvFileSnapshot.Loaded<KpiTable> version = found.current();
        KpiRepresentation representation = KpiRepresentation.of(negotiation.resolveMediaTypes(request));
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
                .eTag(representation.etag(version))
                .lastModified(version.lastModified())
                .varyBy(HttpHeaders.ACCEPT)
                // the transformer rewrites the file at any time: a cached copy is used only once confirmed
                .cacheControl(CacheControl.noCache())
                .contentType(representation.mediaType());
        return switch (representation) {
            case JSON -> ok.body(found.json(version, json));
            case CSV -> ok.body(found.bytes());
        };
    }

    /** The problem as it is, whatever the client accepts: a problem is the one form of an error of this API. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> problem(ErrorResponseException refusal, HttpServletRequest request) {
        ProblemDetail problem = refusal.getBody();
        problem.setInstance(instance(request));
        return ResponseEntity.status(refusal.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static URI instance(HttpServletRequest request) {
        try {
            return URI.create(request.getRequestURI());
        } catch (IllegalArgumentException notAUri) {
            // a path the container let through but java.net.URI refuses: the problem stays without instance
            return null;
        }
    }
}
