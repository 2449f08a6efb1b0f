package org.etlsuite.model.urban;

import org.etlsuite.events.urban.UrbanLocation;

/** Display names of the city zones, as they appear in the CSV files and on the dashboard. */
public final class UrbanLocations {

    private UrbanLocations() {
    }

    public static String displayName(UrbanLocation location) {
        // An exhaustive switch: a symbol added to the schema breaks the build here instead of
        // silently producing a raw enum name in the files.
        return switch (location) {
            case CENTRO -> "Centro";
            case ALTABRISA -> "Altabrisa";
            case CAUCEL -> "Caucel";
            case KANASIN -> "Kanasin";
            case EMILIANO_ZAPATA -> "Emiliano Zapata";
        };
    }
}
