package org.etlsuite.transformer.stream;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One data-quality rule of a stream: a named condition every event must meet. An event that breaks
 * a rule goes to the stream's dead-letter topic with the rule's name in {@value DeadLetterHeaders#RULE}
 * and is counted under that name in {@code processed/data_quality.csv}; the name is therefore part of
 * the output contract (kebab-case, stable across releases).
 *
 * @param name  kebab-case name, e.g. {@code sensor-id-present}
 * @param holds the condition; it only ever sees non-null events ({@link #VALUE_PRESENT} runs first)
 */
public record QualityRule<V>(String name, Predicate<? super V> holds) {

    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Name of the rule every stream checks first: a record without a value (tombstone) carries no event. */
    public static final String VALUE_PRESENT = "value-present";

    public QualityRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(holds, "holds");
        if (!KEBAB_CASE.matcher(name).matches()) {
            throw new IllegalArgumentException("a rule name is kebab-case (it appears in headers and files), was '" + name + "'");
        }
    }

    public static <V> QualityRule<V> of(String name, Predicate<? super V> holds) {
        return new QualityRule<>(name, holds);
    }

    /** The rule that rejects a missing value; prepended to every stream's rules. */
    static <V> QualityRule<V> valuePresent() {
        return new QualityRule<>(VALUE_PRESENT, Objects::nonNull);
    }

    /** The first rule of the list the event breaks, or empty when it meets them all. */
    public static <V> Optional<QualityRule<V>> firstBroken(List<QualityRule<V>> rules, V event) {
        for (QualityRule<V> rule : rules) {
            if (!rule.holds.test(event)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
