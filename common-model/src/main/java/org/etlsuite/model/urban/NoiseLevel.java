package org.etlsuite.model.urban;

/** Noise classes of a reading: Low up to 40 dB, Moderate up to 70 dB, High up to 120 dB. */
public enum NoiseLevel {

    LOW("Low"),
    MODERATE("Moderate"),
    HIGH("High"),
    /** Above 120 dB: outside the original's bins, which leave such readings without a class. */
    UNCLASSIFIED("");

    private final String label;

    NoiseLevel(String label) {
        this.label = label;
    }

    /** The label written to files; empty for {@link #UNCLASSIFIED}, as a missing value. */
    public String label() {
        return label;
    }

    public static NoiseLevel of(double noiseDb) {
        if (noiseDb <= 40) {
            return LOW;
        }
        if (noiseDb <= 70) {
            return MODERATE;
        }
        if (noiseDb <= 120) {
            return HIGH;
        }
        return UNCLASSIFIED;
    }
}
