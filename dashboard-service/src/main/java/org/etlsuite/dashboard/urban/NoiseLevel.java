package org.etlsuite.dashboard.urban;

/** The pipeline's noise bands: Low up to 40 dB, Moderate up to 70 dB, High above. */
enum NoiseLevel {
    LOW("Low"), MODERATE("Moderate"), HIGH("High");

    private final String label;

    NoiseLevel(String label) {
        this.label = label;
    }

    static NoiseLevel of(double db) {
        if (db <= 40) {
            return LOW;
        }
        return db <= 70 ? MODERATE : HIGH;
    }

    String label() {
        return label;
    }
}
