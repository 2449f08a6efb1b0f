package org.etlsuite.model.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.etlsuite.events.transport.AlightingArea;
import org.etlsuite.events.transport.BoardingArea;
import org.etlsuite.events.transport.FarePaymentMethod;
import org.etlsuite.events.transport.FareType;
import org.etlsuite.events.transport.RouteType;
import org.etlsuite.events.transport.ServiceProvider;
import org.junit.jupiter.api.Test;

class TransportDisplayNamesTests {

    @Test
    void shouldNameProvidersAsTheOriginalDid() {
        assertThat(ServiceProvider.values()).extracting(TransportDisplayNames::displayName)
                .containsExactly("Va-y-Ven (ATY)", "Traditional Bus Company");
    }

    @Test
    void shouldNameRouteTypesAsTheOriginalDid() {
        assertThat(RouteType.values()).extracting(TransportDisplayNames::displayName)
                .containsExactly("Urban/Metropolitan Circuito", "Ie-Tram Corridor", "Urban/Feeder Route",
                        "Suburban/Connecting Route");
    }

    @Test
    void shouldNameBoardingAreasWithTheirNeighbourhoods() {
        assertThat(BoardingArea.values()).extracting(TransportDisplayNames::displayName)
                .containsExactly("Centro (Downtown)", "North Zone (Altabrisa/Montejo)",
                        "West Zone (Caucel/Juan Pablo II)", "East Zone (Vergel/Kanasín)",
                        "South Zone (Emiliano Zapata Sur/San Haroldo)", "Circuito Route Stop");
    }

    @Test
    void shouldNameAlightingAreasLikeBoardingAreasExceptTheLast() {
        assertThat(AlightingArea.values()).extracting(TransportDisplayNames::displayName)
                .containsExactly("Centro (Downtown)", "North Zone (Altabrisa/Montejo)",
                        "West Zone (Caucel/Juan Pablo II)", "East Zone (Vergel/Kanasín)",
                        "South Zone (Emiliano Zapata Sur/San Haroldo)", "University/School/Work Area");
    }

    @Test
    void shouldNamePaymentMethodsAndFareTypesAsTheOriginalDid() {
        assertThat(FarePaymentMethod.values()).extracting(TransportDisplayNames::displayName)
                .containsExactly("QR", "Card");
        assertThat(FareType.values()).extracting(TransportDisplayNames::displayName)
                .containsExactly("Regular", "Student/Senior/Disability");
    }
}
