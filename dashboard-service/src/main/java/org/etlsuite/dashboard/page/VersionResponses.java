package org.etlsuite.dashboard.page;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** HTTP answers for a page's {@link DataVersion}, which an open page asks for every few seconds. */
public final class VersionResponses {

    private VersionResponses() {
    }

    /** The version as JSON, never stored: a stored answer would keep an open page on old numbers. */
    public static ResponseEntity<DataVersion> json(DataVersion version) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .body(version);
    }
}
