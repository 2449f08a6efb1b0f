package org.etlsuite.transformer.kafkastreams;

import org.apache.kafka.streams.KafkaStreams;

/**
 * Ends the application when the Kafka Streams client reaches {@link KafkaStreams.State#ERROR}.
 * ERROR is final: the client processes nothing more, but the JVM, the web server and the
 * exporter would keep running and serve an ever older CSV. A non-zero exit lets the platform's
 * restart policy start a fresh instance, which resumes from the last committed offsets.
 */
final class ExitOnStreamsError implements KafkaStreams.StateListener {

    /** Exit status after a fatal Kafka Streams error. */
    static final int EXIT_STATUS = 1;

    private final ApplicationExit exit;

    ExitOnStreamsError(ApplicationExit exit) {
        this.exit = exit;
    }

    @Override
    public void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        if (newState == KafkaStreams.State.ERROR) {
            exit.exit(EXIT_STATUS, "Kafka Streams went from " + oldState + " to " + newState
                    + " after a fatal error and processes nothing more");
        }
    }
}
