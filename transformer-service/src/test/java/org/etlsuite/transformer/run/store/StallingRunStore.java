package org.etlsuite.transformer.run.store;

import java.util.concurrent.CountDownLatch;

import jakarta.persistence.EntityManager;

/** A run history whose heartbeats hang while {@link #stall()} holds them: the database stalls for this instance only. */
public class StallingRunStore extends RunStore {

    private volatile CountDownLatch stalled = new CountDownLatch(0);

    StallingRunStore(RunRepository runs, EntityManager entityManager) {
        super(runs, entityManager);
    }

    public void stall() {
        stalled = new CountDownLatch(1);
    }

    public void resume() {
        stalled.countDown();
    }

    @Override
    public boolean heartbeat(long id, String owner) {
        try {
            if (stalled.getCount() > 0) {
                stalled.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stalled", e);
        }
        return super.heartbeat(id, owner);
    }
}
