package org.etlsuite.producer.stream;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The events one burst or continuous stream sends: a seeded generator whose events are, with probability
 * {@code dirtyFraction} each, replaced by a defective copy ({@link Defects}).
 * <p>
 * Whether an event is dirty, and which defect it gets, is drawn from a second random generator seeded from the same
 * seed, not from the generator's own: the clean sequence of a seed is therefore the same at every dirty fraction
 * (event {@code i} is either the generator's event {@code i} or a defective copy of it), and the whole sequence,
 * dirty events included, is reproducible from the seed. A fraction of 0 draws nothing. Not thread-safe, except
 * {@link #setDirtyFraction}, which another thread may call while events are drawn.
 *
 * @param <V> the Avro record type of the stream
 */
public final class EventSource<V> {

    /** Decorrelates the dirt generator from the event generator, which is seeded with the plain seed. */
    private static final long DIRT_SALT = 0x9E3779B97F4A7C15L;

    private final EventGenerator<V> generator;
    private final Defects<V> defects;
    private final SplittableRandom dirt;
    private volatile double dirtyFraction;
    private String lastDefect;

    private EventSource(EventGenerator<V> generator, Defects<V> defects, long seed, double dirtyFraction) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.defects = Objects.requireNonNull(defects, "defects");
        this.dirt = new SplittableRandom(seed ^ DIRT_SALT);
        setDirtyFraction(dirtyFraction);
    }

    /**
     * @param times         where event times come from; {@code null} for the stream's default (the current instant)
     * @param dirtyFraction share of events made dirty, 0 to 1
     * @throws UnsupportedOperationException if the stream cannot take custom event times
     */
    public static <V> EventSource<V> of(EventStream<V> stream, long seed, EventTimes times, double dirtyFraction) {
        EventGenerator<V> generator = times == null ? stream.newGenerator(seed) : stream.newGenerator(seed, times);
        return new EventSource<>(generator, stream.defects(), seed, dirtyFraction);
    }

    /** The next event, clean or dirty; {@link #lastDefect()} tells which. */
    public V next() {
        V event = generator.next();
        double fraction = dirtyFraction;
        if (fraction > 0 && dirt.nextDouble() < fraction) {
            Defects.Defective<V> defective = defects.apply(event, dirt);
            lastDefect = defective.defect();
            return defective.event();
        }
        lastDefect = null;
        return event;
    }

    /** The defect of the event {@link #next()} returned last, or {@code null} if it was clean. */
    public String lastDefect() {
        return lastDefect;
    }

    public double dirtyFraction() {
        return dirtyFraction;
    }

    /** Changes the share of dirty events from the next event on (a continuous stream's re-rate). */
    public void setDirtyFraction(double dirtyFraction) {
        if (!(dirtyFraction >= 0 && dirtyFraction <= 1)) {
            throw new IllegalArgumentException("dirtyFraction must be between 0 and 1, was " + dirtyFraction);
        }
        this.dirtyFraction = dirtyFraction;
    }

    public Defects<V> defects() {
        return defects;
    }
}
