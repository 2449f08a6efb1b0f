package org.etlsuite.producer.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A categorical distribution with integer weights: each value is drawn with probability weight / total,
 * exactly (one bounded integer draw, no floating-point cumulative sums). Immutable, thread-safe.
 *
 * @param <T> the value type
 */
public final class Weighted<T> {

    private final List<T> values;
    private final int[] cumulative;

    private Weighted(List<T> values, int[] cumulative) {
        this.values = values;
        this.cumulative = cumulative;
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** Every value with the same weight. */
    @SafeVarargs
    public static <T> Weighted<T> uniform(T... values) {
        Builder<T> builder = builder();
        for (T value : values) {
            builder.add(value, 1);
        }
        return builder.build();
    }

    public T draw(RandomGenerator random) {
        int ticket = random.nextInt(cumulative[cumulative.length - 1]);
        for (int i = 0; i < cumulative.length; i++) {
            if (ticket < cumulative[i]) {
                return values.get(i);
            }
        }
        throw new IllegalStateException("unreachable: ticket " + ticket + " beyond the total weight");
    }

    public static final class Builder<T> {

        private final List<T> values = new ArrayList<>();
        private final List<Integer> weights = new ArrayList<>();

        private Builder() {
        }

        public Builder<T> add(T value, int weight) {
            Objects.requireNonNull(value, "value");
            if (weight <= 0) {
                throw new IllegalArgumentException("Weight of " + value + " must be positive, was " + weight);
            }
            if (values.contains(value)) {
                throw new IllegalArgumentException(value + " is listed twice");
            }
            values.add(value);
            weights.add(weight);
            return this;
        }

        public Weighted<T> build() {
            if (values.isEmpty()) {
                throw new IllegalStateException("A distribution needs at least one value");
            }
            int[] cumulative = new int[weights.size()];
            int total = 0;
            for (int i = 0; i < cumulative.length; i++) {
                total = Math.addExact(total, weights.get(i));
                cumulative[i] = total;
            }
            return new Weighted<>(List.copyOf(values), cumulative);
        }
    }
}
