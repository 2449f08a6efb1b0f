package org.etlsuite.dashboard.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class ChartViewTests {

    private static final LocalDateTime END = LocalDateTime.of(2025, 3, 14, 19, 0);

    @Test
    void shouldCountTheRangesBackFromTheEndOfTheNewestBucket() {
        assertThat(TimeRange.LAST_24_HOURS.includes(LocalDateTime.of(2025, 3, 13, 19, 0), END)).isTrue();
        assertThat(TimeRange.LAST_24_HOURS.includes(LocalDateTime.of(2025, 3, 13, 18, 0), END)).isFalse();
        assertThat(TimeRange.LAST_7_DAYS.includes(LocalDateTime.of(2025, 3, 7, 19, 0), END)).isTrue();
        assertThat(TimeRange.LAST_7_DAYS.includes(LocalDateTime.of(2025, 3, 7, 18, 0), END)).isFalse();
        assertThat(TimeRange.ALL.includes(LocalDateTime.of(2000, 1, 1, 0, 0), END)).isTrue();
    }

    @Test
    void shouldShowHoursUpToAWeekAndDaysBeyond() {
        assertThat(TimeRange.showsHours(END.minusDays(7), END)).isTrue();
        assertThat(TimeRange.showsHours(END.minusDays(7).minusHours(1), END)).isFalse();
    }

    @Test
    void shouldReadTheViewOfTheQueryAndRefuseWhatDoesNotExist() {
        assertThat(ChartView.of(null, null, List.of("Centro"))).isEqualTo(ChartView.WHOLE);
        assertThat(ChartView.of("7d", "", List.of("Centro"))).isEqualTo(ChartView.of(TimeRange.LAST_7_DAYS));
        assertThat(ChartView.of("24h", "Centro", List.of("Centro"))).isEqualTo(new ChartView(TimeRange.LAST_24_HOURS, "Centro"));
        assertThatThrownBy(() -> ChartView.of("1y", null, List.of()))
                .isInstanceOfSatisfying(ResponseStatusException.class, error -> {
                    assertThat(error.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(error.getReason()).isEqualTo("The time range '1y' is not one of 24h, 7d, all.");
                });
        assertThatThrownBy(() -> ChartView.of(null, "Atlantis", List.of("Caucel", "Centro")))
                .isInstanceOfSatisfying(ResponseStatusException.class, error -> assertThat(error.getReason())
                        .isEqualTo("There is no zone 'Atlantis' in the data; the zones are Caucel, Centro."));
    }

    @Test
    void shouldLinkEachChoiceKeepingTheOtherPartOfTheView() {
        ChartView view = new ChartView(TimeRange.LAST_7_DAYS, "Emiliano Zapata");

        assertThat(view.rangeChoices("/urban")).containsExactly(
                new ViewChoice("24 hours", "/urban?range=24h&zone=Emiliano%20Zapata", false, null),
                new ViewChoice("7 days", "/urban?range=7d&zone=Emiliano%20Zapata", true, null),
                new ViewChoice("All", "/urban?zone=Emiliano%20Zapata", false, null));
        assertThat(view.seriesChoices("/urban", "All zones", List.of("Centro", "Emiliano Zapata"), name -> "#" + name.length()))
                .containsExactly(
                        new ViewChoice("All zones", "/urban?range=7d", false, null),
                        new ViewChoice("Centro", "/urban?range=7d&zone=Centro", false, "#6"),
                        new ViewChoice("Emiliano Zapata", "/urban?range=7d&zone=Emiliano%20Zapata", true, "#15"));
        assertThat(ChartView.WHOLE.href("/charts/urban/x.svg")).isEqualTo("/charts/urban/x.svg");
    }
}
