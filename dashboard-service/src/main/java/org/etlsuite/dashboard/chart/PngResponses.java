package org.etlsuite.dashboard.chart;

import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** HTTP answers for chart images. */
public final class PngResponses {

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

    /** The chart as {@link #png(byte[])}, or 404 while there is no data to draw it from. */
    public static ResponseEntity<byte[]> pngOrNotFound(Optional<byte[]> chart) {
        return chart.map(PngResponses::png).orElseGet(() -> ResponseEntity.notFound().build());
    }
}
