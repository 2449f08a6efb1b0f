package org.etlsuite.transformer.run;

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
        } catch (RuntimeException e) {
            log.warn("Looking for interrupted runs failed: {}", e.toString());
        }
    }
}
