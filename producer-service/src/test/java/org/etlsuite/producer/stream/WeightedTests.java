package org.etlsuite.producer.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

class WeightedTests {

    @Test
    void shouldMapEachTicketToItsValueInListingOrder() {
        Weighted<String> weighted = Weighted.<String>builder().add("a", 2).add("b", 1).add("c", 3).build();

        // tickets 0..1 -> a, 2 -> b, 3..5 -> c: probabilities exactly 2/6, 1/6, 3/6
        assertThat(List.of(0, 1, 2, 3, 4, 5)).extracting(ticket -> weighted.draw(fixedTicket(ticket, 6)))
                .containsExactly("a", "a", "b", "c", "c", "c");
    }

    @Test
    void shouldDrawWithTheGivenWeights() {
        Weighted<String> weighted = Weighted.<String>builder().add("view", 65).add("cart", 20).add("remove", 10)
                .add("buy", 5).build();
        SplittableRandom random = new SplittableRandom(1);
        List<String> sample = new ArrayList<>();

        for (int i = 0; i < 100_000; i++) {
            sample.add(weighted.draw(random));
        }

        Shares.assertShares("values", sample, v -> v, Map.of("view", 65.0, "cart", 20.0, "remove", 10.0, "buy", 5.0));
    }

    @Test
    void shouldGiveUniformValuesEqualWeights() {
        Weighted<String> weighted = Weighted.uniform("x", "y", "z");

        assertThat(List.of(0, 1, 2)).extracting(ticket -> weighted.draw(fixedTicket(ticket, 3)))
                .containsExactly("x", "y", "z");
    }

    @Test
    void shouldRefuseNonPositiveWeightsDuplicatesAndEmptyDistributions() {
        assertThatThrownBy(() -> Weighted.<String>builder().add("a", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Weight of a must be positive, was 0");
        assertThatThrownBy(() -> Weighted.<String>builder().add("a", 1).add("a", 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a is listed twice");
        assertThatThrownBy(() -> Weighted.<String>builder().build()).isInstanceOf(IllegalStateException.class);
    }

    /** A generator whose bounded int draw returns the given ticket, checking the bound is the total weight. */
    private static RandomGenerator fixedTicket(int ticket, int expectedBound) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new AssertionError("only a bounded int draw is expected");
            }

            @Override
            public int nextInt(int bound) {
                assertThat(bound).isEqualTo(expectedBound);
                return ticket;
            }
        };
    }
}
