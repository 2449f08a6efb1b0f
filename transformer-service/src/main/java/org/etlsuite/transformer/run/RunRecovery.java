package org.etlsuite.transformer.run;

import java.util.concurrent.atomic.AtomicBoolean;

import org.etlsuite.transformer.run.store.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds active runs whose instance stopped (no heartbeat for {@code etl.runs.stale-after}, by the
 * database's clock): at start-up and then every heartbeat interval, so that no run stays "running"
 * forever. Each is resumed here or failed, per {@link RunStore#recover}.
 */
class RunRecovery {

    private static final Logger log = LoggerFactory.getLogger(RunRecovery.class);

    private final RunStore store;
    private final RunExecutor executor;
    private final RunsProperties properties;
    /** Whether the last search failed: one warning when searches start failing (PostgreSQL down) and one when they work again. */
    private final AtomicBoolean failing = new AtomicBoolean();

    RunRecovery(RunStore store, RunExecutor executor, RunsProperties properties) {
        this.store = store;
        this.executor = executor;
        this.properties = properties;
    }

    void recoverStaleRuns() {
        try {
            for (Long id : store.stale(properties.staleAfter())) {
                if (executor.executing().contains(id)) {
                    continue;
                }
                switch (store.recover(id, properties.staleAfter(), executor.owner())) {
                    case RESUMED -> {
                        log.warn("Run {} lost its instance; resuming it here", id);
                        executor.submit(id);
                    }
                    case FAILED -> log.warn("Run {} lost its instance during extract; marked failed", id);
                    case NONE -> {
                    }
                }
            }
            if (failing.compareAndSet(true, false)) {
                log.warn("Looking for interrupted runs works again");
            }
        } catch (RuntimeException e) {
            if (failing.compareAndSet(false, true)) {
                log.warn("Looking for interrupted runs failed, retrying every {} (logged again once it works): {}",
                        properties.heartbeatInterval(), e.toString());
            }
        }
    }
}
