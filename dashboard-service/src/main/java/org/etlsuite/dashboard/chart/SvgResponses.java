package org.etlsuite.dashboard.chart;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

/** HTTP answers for charts as SVG documents; they behave like {@link PngResponses}. */
public final class SvgResponses {

    /** {@code image/svg+xml}, which Spring has no constant for. */
    public static final MediaType IMAGE_SVG = new MediaType("image", "svg+xml", StandardCharsets.UTF_8);

    // no DOCTYPE: SVG 2 has none, and a DTD would make XML readers fetch it from the W3C
    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private SvgResponses() {
    }

    /** The {@code <svg>} element as a document of its own, which the browser must revalidate (see {@link PngResponses#png}). */
    public static ResponseEntity<String> svg(String svgElement) {
        return ResponseEntity.ok()
                .contentType(IMAGE_SVG)
                .cacheControl(CacheControl.noCache())
                .body(XML_DECLARATION + svgElement);
    }

    /** The chart as {@link #svg(String)}, or 404 through the error page while there is no data, as for the PNGs. */
    public static ResponseEntity<String> svgOrNotFound(Optional<ChartFigure> chart) {
        return svg(chart.map(ChartFigure::svg)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, PngResponses.NO_DATA)));
    }
}
