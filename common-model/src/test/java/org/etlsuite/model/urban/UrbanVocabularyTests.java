package org.etlsuite.model.urban;

import org.etlsuite.events.urban.UrbanLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class UrbanVocabularyTests {

    @ParameterizedTest
    @CsvSource({
            "30.0, LOW",
            "40.0, LOW",
            "40.1, MODERATE",
            "70.0, MODERATE",
            "70.01, HIGH",
            "100.0, HIGH",
            "120.0, HIGH",
            "120.1, UNCLASSIFIED"
    })
    void shouldClassifyNoiseWithInclusiveUpperBounds(double noiseDb, NoiseLevel expected) {
        assertThat(NoiseLevel.of(noiseDb)).isEqualTo(expected);
    }

    @Test
    void shouldLabelNoiseLevelsAsTheOriginalDid() {
        assertThat(NoiseLevel.LOW.label()).isEqualTo("Low");
        assertThat(NoiseLevel.MODERATE.label()).isEqualTo("Moderate");
        assertThat(NoiseLevel.HIGH.label()).isEqualTo("High");
        assertThat(NoiseLevel.UNCLASSIFIED.label()).isEmpty();
    }

    @Test
    void shouldUseDisplayNamesForLocations() {
        assertThat(UrbanLocation.values()).extracting(UrbanLocations::displayName)
                .containsExactly("Centro", "Altabrisa", "Caucel", "Kanasin", "Emiliano Zapata");
    }
}
