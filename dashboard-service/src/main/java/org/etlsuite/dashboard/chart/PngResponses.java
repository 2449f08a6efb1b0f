package org.etlsuite.dashboard.chart;

import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

/** HTTP answers for chart images. */
public final class PngResponses {

    public static final String NO_DATA = "There is no data to draw this chart from yet.";

    private PngResponses() {
    }

    /**
     * A PNG that the browser must revalidate: the data behind a chart changes whenever the
     * transformer rewrites its file, so a cached image would quietly show old numbers.
     */
    public static ResponseEntity<byte[]> png(byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noCache())
                .body(bytes);
    }

    /**
     * The chart as {@link #png(byte[])}, or 404 while there is no data to draw it from; the 404 goes through the
     * error page, so that whoever opens the image by itself reads why.
     */
    public static ResponseEntity<byte[]> pngOrNotFound(Optional<byte[]> chart) {
        return png(chart.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, NO_DATA)));
    }
}
