package org.etlsuite.producer.burst;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * In-memory {@link EventSender}: records every send and acknowledges it at once, unless told to hold the
 * acknowledgements, fail one, throw on one, or block until a gate opens.
 */
final class RecordingEventSender implements EventSender {

    record Sent(String topic, String key, Object value, long nanoTime, CompletableFuture<Object> ack) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private volatile boolean holdAcks;
    private volatile int failAt = -1;
    private volatile int throwAt = -1;
    private volatile CountDownLatch gate;

    RecordingEventSender holdAcknowledgements() {
        holdAcks = true;
        return this;
    }

    /** The record with this 0-based index is rejected by the "broker" (its future fails at once). */
    RecordingEventSender failAt(int index) {
        failAt = index;
        return this;
    }

    /** Sending the record with this 0-based index throws, as KafkaProducer does for serialization errors. */
    RecordingEventSender throwAt(int index) {
        throwAt = index;
        return this;
    }

    /** Every send blocks until {@link #openGate()}. */
    RecordingEventSender closeGate() {
        gate = new CountDownLatch(1);
        return this;
    }

    void openGate() {
        gate.countDown();
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    List<Object> values() {
        return sent.stream().map(Sent::value).toList();
    }

    @Override
    public CompletableFuture<?> send(String topic, String key, Object value) {
        CountDownLatch currentGate = gate;
        if (currentGate != null) {
            try {
                if (!currentGate.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("gate never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptException(e);
            }
        }
        int index = sent.size();
        if (index == throwAt) {
            throw new SerializationException("cannot serialize record " + index);
        }
        CompletableFuture<Object> ack = new CompletableFuture<>();
        sent.add(new Sent(topic, key, value, System.nanoTime(), ack));
        if (index == failAt) {
            ack.completeExceptionally(new RecordTooLargeException("record " + index + " is too large"));
        } else if (!holdAcks) {
            ack.complete(index);
        }
        return ack;
    }
}
