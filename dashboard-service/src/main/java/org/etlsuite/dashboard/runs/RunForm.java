package org.etlsuite.dashboard.runs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The runs page's "start a run" form. Blank fields are left out of the request, so the transformer applies its
 * own defaults, and the transformer alone decides what is valid: its answer is shown when it refuses.
 *
 * @param pipeline      the pipeline's id
 * @param events        burst size
 * @param ratePerSecond burst pace; blank: as fast as possible
 * @param dirtyFraction share of events (0 to 1) that break a data-quality rule
 */
record RunForm(String pipeline, Long events, Double ratePerSecond, Double dirtyFraction) {

    /** The body of {@code POST /api/pipelines/{p}/runs}: a person started it, from the dashboard. */
    Map<String, Object> request() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (events != null) {
            body.put("events", events);
        }
        if (ratePerSecond != null) {
            body.put("ratePerSecond", ratePerSecond);
        }
        if (dirtyFraction != null) {
            body.put("dirtyFraction", dirtyFraction);
        }
        body.put("trigger", "manual");
        return body;
    }
}
