package org.etlsuite.transformer.kafkastreams;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Closes the Spring context (stopping Kafka Streams, the exporter and the web server in order),
 * then ends the JVM with the status. Both happen on a thread of their own: the caller is usually a
 * Kafka Streams thread, and closing the context waits for those threads to finish.
 */
final class SpringApplicationExit implements ApplicationExit {

    private static final Logger log = LoggerFactory.getLogger(SpringApplicationExit.class);

    private final ConfigurableApplicationContext context;
    private final IntConsumer jvmExit;
    private final AtomicBoolean exiting = new AtomicBoolean();

    /** @param jvmExit ends the process ({@code System::exit} outside tests) */
    SpringApplicationExit(ConfigurableApplicationContext context, IntConsumer jvmExit) {
        this.context = context;
        this.jvmExit = jvmExit;
    }

    @Override
    public void exit(int status, String reason) {
        if (status == 0) {
            throw new IllegalArgumentException("an exit after a failure needs a non-zero status");
        }
        if (!exiting.compareAndSet(false, true)) {
            return;
        }
        log.error("Exiting with status {}: {}", status, reason);
        Thread exit = new Thread(() -> {
            int code = status;
            try {
                code = SpringApplication.exit(context, () -> status);
            } finally {
                // Whatever the exit code generators answered, this exit follows a failure.
                jvmExit.accept(code != 0 ? code : status);
            }
        }, "application-exit");
        // Non-daemon: the JVM must not end half-way through closing the context for lack of other threads.
        exit.setDaemon(false);
        exit.start();
    }
}
