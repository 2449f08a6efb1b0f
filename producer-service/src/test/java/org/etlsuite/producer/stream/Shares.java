package org.etlsuite.producer.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** Checks observed category shares of a large sample against the specified weights. */
public final class Shares {

    /** Percentage points a share may deviate from its weight (100k draws: about 10 standard errors or more). */
    public static final double TOLERANCE_PP = 1.5;

    private Shares() {
    }

    /**
     * Asserts that the sample holds no category outside {@code expectedPercent} and that each category's share,
     * in percent of the sample, is within {@link #TOLERANCE_PP} of its expected percentage.
     */
    public static <E, T> void assertShares(String what, Collection<E> sample, Function<E, T> category,
                                           Map<T, Double> expectedPercent) {
        assertThat(sample).as("sample of %s", what).isNotEmpty();
        assertThat(expectedPercent.values().stream().mapToDouble(Double::doubleValue).sum())
                .as("expected shares of %s add up to 100 %%", what).isCloseTo(100.0, within(1e-9));
        Map<T, Integer> counts = new HashMap<>();
        sample.forEach(e -> counts.merge(category.apply(e), 1, Integer::sum));
        assertThat(expectedPercent.keySet()).as("categories of %s", what).containsAll(counts.keySet());
        expectedPercent.forEach((value, percent) ->
                assertThat(100.0 * counts.getOrDefault(value, 0) / sample.size())
                        .as("share of %s %s in %%", what, value)
                        .isCloseTo(percent, within(TOLERANCE_PP)));
    }
}
