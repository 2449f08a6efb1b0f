package org.etlsuite.localstack.registry;

import java.util.Locale;

/**
 * A version as written in a path: a number from 1 to 2^31-1, or {@code latest} (which Confluent
 * also accepts as {@code -1}).
 */
record VersionId(int number) {

    static final int LATEST_NUMBER = -1;
    static final VersionId LATEST = new VersionId(LATEST_NUMBER);

    boolean isLatest() {
        return number == LATEST_NUMBER;
    }

    static VersionId parse(String text) {
        String trimmed = text.trim();
        if (trimmed.toLowerCase(Locale.ROOT).equals("latest")) {
            return LATEST;
        }
        int number;
        try {
            number = Integer.parseInt(trimmed);
        } catch (NumberFormatException e) {
            throw RegistryException.invalidVersion(text);
        }
        if (number == LATEST_NUMBER) {
            return LATEST;
        }
        if (number < 1) {
            throw RegistryException.invalidVersion(text);
        }
        return new VersionId(number);
    }

    @Override
    public String toString() {
        return isLatest() ? "latest" : Integer.toString(number);
    }
}
