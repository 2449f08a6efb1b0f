package org.etlsuite.transformer.urban;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

import org.etlsuite.events.urban.UrbanLocation;
import org.etlsuite.events.urban.UrbanSensorReadingProcessed;
import org.etlsuite.model.urban.UrbanLocations;

/**
 * Key of the hourly aggregate: one city zone during one UTC hour.
 *
 * @param location city zone
 * @param day      UTC day
 * @param hour     UTC hour, 0..23
 */
public record UrbanBucket(UrbanLocation location, LocalDate day, int hour) {

    /** Order of the CSV rows: by location display name, then day, then hour. */
    public static final Comparator<UrbanBucket> CSV_ORDER = Comparator
            .comparing((UrbanBucket bucket) -> UrbanLocations.displayName(bucket.location()))
            .thenComparing(UrbanBucket::day)
            .thenComparingInt(UrbanBucket::hour);

    public UrbanBucket {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(day, "day");
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour must be 0..23, was " + hour);
        }
    }

    public static UrbanBucket of(UrbanSensorReadingProcessed reading) {
        return new UrbanBucket(reading.getLocation(), reading.getDay(), reading.getHour());
    }
}
