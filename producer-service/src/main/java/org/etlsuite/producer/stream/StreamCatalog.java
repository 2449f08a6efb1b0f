package org.etlsuite.producer.stream;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/** All {@link EventStream} beans, by name. */
@Component
public class StreamCatalog {

    private final Map<String, EventStream<?>> streams = new TreeMap<>();

    public StreamCatalog(List<EventStream<?>> streams) {
        for (EventStream<?> stream : streams) {
            EventStream<?> previous = this.streams.putIfAbsent(stream.name(), stream);
            if (previous != null) {
                throw new IllegalStateException("Two event streams are named '" + stream.name() + "': "
                        + previous.getClass().getName() + " and " + stream.getClass().getName());
            }
        }
    }

    public Optional<EventStream<?>> find(String name) {
        return Optional.ofNullable(streams.get(name));
    }

    /** Stream names in alphabetical order. */
    public List<String> names() {
        return List.copyOf(streams.keySet());
    }
}
