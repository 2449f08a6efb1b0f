package org.etlsuite.transformer.kafkastreams;

import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class SpringApplicationExitTests {

    private record JvmExit(int status, String thread, boolean contextActive) {
    }

    private final GenericApplicationContext context = new GenericApplicationContext();
    private final CopyOnWriteArrayList<JvmExit> jvmExits = new CopyOnWriteArrayList<>();
    private final SpringApplicationExit exit = new SpringApplicationExit(context,
            status -> jvmExits.add(new JvmExit(status, Thread.currentThread().getName(), context.isActive())));

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void shouldCloseTheContextThenEndTheJvmWithTheStatusOnAThreadOfItsOwn() {
        context.refresh();

        exit.exit(1, "Kafka Streams reached ERROR");

        await().atMost(Duration.ofSeconds(10)).until(() -> !jvmExits.isEmpty());
        assertThat(jvmExits).singleElement().satisfies(jvmExit -> {
            assertThat(jvmExit.status()).isEqualTo(1);
            assertThat(jvmExit.thread()).isEqualTo("application-exit").isNotEqualTo(Thread.currentThread().getName());
            assertThat(jvmExit.contextActive()).isFalse();
        });
    }

    @Test
    void shouldExitOnlyOnceWhenAskedRepeatedly() {
        context.refresh();

        exit.exit(1, "first");
        exit.exit(2, "second");

        await().atMost(Duration.ofSeconds(10)).until(() -> !jvmExits.isEmpty());
        assertThat(jvmExits).extracting(JvmExit::status).containsExactly(1);
    }

    @Test
    void shouldRefuseAZeroStatus() {
        assertThatThrownBy(() -> exit.exit(0, "not a failure")).isInstanceOf(IllegalArgumentException.class);
        assertThat(jvmExits).isEmpty();
    }
}
