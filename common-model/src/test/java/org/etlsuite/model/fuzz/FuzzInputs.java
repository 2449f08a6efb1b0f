package org.etlsuite.model.fuzz;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Random and boundary inputs for the API fuzz tests, from one seeded {@link Random}: a failing case is
 * reproduced with the same seed ({@code -Detl.fuzz.seed}). Shared by the API fuzz tests of the producer and the
 * transformer through this module's test jar. Bodies are mostly JSON objects of the request's
 * own fields with values of every kind (huge and negative numbers, floats, NaN and infinities, numbers as
 * strings, nested garbage), mixed with unknown fields, empty objects, other JSON values and text that is
 * not JSON at all.
 */
public final class FuzzInputs {

    private static final List<String> NUMBERS = List.of(
            "0", "-0", "1", "-1", "2", "5", "100", "1000", "10000000", "10000001", "-10000000",
            "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
            "99999999999999999999999999999999", "0.1", "0.09", "0.5", "1.5", "-0.5", "1e-300", "4.9e-324", "1e6", "1e7", "1e300",
            "1.7976931348623157e308", "1e400", "-1e400", "1E+2", "86400", "86401", "864000000");
    private static final List<String> NON_FINITE = List.of("NaN", "Infinity", "-Infinity", "+Infinity");
    private static final List<String> STRINGS = List.of(
            "\"\"", "\" \"", "\"1\"", "\"-1\"", "\"1.5\"", "\"NaN\"", "\"abc\"", "\"P7D\"", "\"PT6H\"", "\"P1DT12H\"", "\"PT0S\"",
            "\"-P1D\"", "\"P367D\"", "\"P99999999999D\"", "\"PT-1S\"", "\"P1Y\"", "\"true\"", "\"null\"", "\"\\u0000\"",
            "\"urban-sensors\"", "\"api\"", "\"manual\"", "\"MANUAL\"", "\"schedule\"", "\"\\ud800\"", "\"" + "x".repeat(10_000) + "\"");
    private static final List<String> OTHER_VALUES = List.of(
            "true", "false", "null", "[]", "[1]", "[1,2,3]", "{}", "{\"a\":1}", "{\"events\":{\"events\":1}}", "[[[[]]]]",
            "[{\"x\":[null,{}]}]");
    private static final List<String> NOT_JSON = List.of(
            "", " ", "{", "}", "[", "{\"events\":}", "{\"events\" 1}", "{\"events\": 1,}", "{'events': 1}", "{events: 1}",
            "nul", "tru", "\"unterminated", "{\"events\": 01}", "{\"events\": 1}}", "{\"events\": 1} trailing",
            "\u0000", "\uFEFF{}", "<xml/>", "events=1", "{\"events\": 0x10}", "{\"events\": .5}", "{\"events\": 1.}",
            "[".repeat(3_000) + "]".repeat(3_000), "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000));
    private static final List<String> UNKNOWN_FIELDS = List.of(
            "event", "Events", "EVENTS", "rate", "", " ", "__proto__", "constructor", "stream", "id", "state", "x".repeat(300));

    private final Random random;

    public FuzzInputs(long seed) {
        this.random = new Random(seed);
    }

    /** Whether the next draw says yes, with the given probability. */
    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    public <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A request body for a request whose fields are {@code fields}; null means no body at all. */
    public String body(List<String> fields) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return null;
        }
        if (kind <= 2) {
            return oneOf(NOT_JSON);
        }
        if (kind == 3) {
            return oneOf(List.of(oneOf(NUMBERS), oneOf(STRINGS), oneOf(OTHER_VALUES)));
        }
        if (kind == 4) {
            return "{}";
        }
        int count = 1 + random.nextInt(4);
        return IntStream.range(0, count)
                .mapToObj(i -> quote(chance(0.15) ? oneOf(UNKNOWN_FIELDS) : oneOf(fields)) + ": " + value())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** Any JSON value, or a bare NaN/Infinity token (not JSON: a service may read it as a number or refuse it). */
    public String value() {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> oneOf(NUMBERS);
            case 4 -> oneOf(NON_FINITE);
            case 5, 6 -> oneOf(STRINGS);
            case 7 -> String.valueOf(random.nextLong());
            case 8 -> String.valueOf(random.nextDouble() * Math.pow(10, random.nextInt(20) - 5) * (random.nextBoolean() ? 1 : -1));
            default -> oneOf(OTHER_VALUES);
        };
    }

    /** A path segment: one of the known values, or something that is none of them. */
    public String segment(List<String> known) {
        if (chance(0.6)) {
            return oneOf(known);
        }
        return oneOf(List.of("unknown", "URBAN-SENSORS", "urban_sensors", "urban-sensors.DLT", "0", "-1", "9223372036854775807",
                "99999999999999999999", "1.5", "null", "undefined", "%20", "%2e%2e", "a%2Fb", "%00", "%E2%82%AC", "%25ZZ",
                "x".repeat(2_000), "00000000-0000-0000-0000-000000000000", java.util.UUID.randomUUID().toString()));
    }

    /** A Content-Type header value, or null for none. */
    public String contentType() {
        return oneOf(java.util.Arrays.asList("application/json", "application/json", "application/json", "application/json; charset=UTF-8",
                null, "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/problem+json", "application/json; charset=no-such-charset", "*/*", "garbage", "application/*"));
    }

    /** An Accept header value, or null for none. */
    public String accept() {
        return oneOf(java.util.Arrays.asList(null, null, "application/json", "*/*", "application/problem+json", "text/html",
                "application/xml", "image/png", "text/plain;q=0.1", "garbage"));
    }

    private static String quote(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
