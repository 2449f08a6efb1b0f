package org.etlsuite.producer.send;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * In-memory {@link EventSender}: records every send and acknowledges it at once, unless told to hold the
 * acknowledgements, fail one, throw on one, or block until a gate opens.
 */
public final class RecordingEventSender implements EventSender {

    /**
     * One send: what (with its headers, copied as a Kafka record copies them), when ({@code System.nanoTime()}), on
     * which thread, and its acknowledgement.
     */
    public record Sent(String topic, String key, Object value, Headers headers, long nanoTime, String thread,
                       CompletableFuture<Object> ack) {

        /** The values of every header of this name, in order, read as UTF-8 text. */
        public List<String> headerValues(String name) {
            List<String> values = new ArrayList<>();
            headers.headers(name).forEach(header -> values.add(new String(header.value(), StandardCharsets.UTF_8)));
            return values;
        }
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile boolean holdAcks;
    private volatile int failAt = -1;
    private volatile int throwAt = -1;
    private volatile CountDownLatch gate;

    public RecordingEventSender holdAcknowledgements() {
        holdAcks = true;
        return this;
    }

    /** The record with this 0-based index is rejected by the "broker" (its future fails at once). */
    public RecordingEventSender failAt(int index) {
        failAt = index;
        return this;
    }

    /**
     * The send call with this 0-based number (counting every call, also those that threw) throws, as KafkaProducer
     * does for serialization errors; the record is not recorded.
     */
    public RecordingEventSender throwAt(int index) {
        throwAt = index;
        return this;
    }

    /** Every send blocks until {@link #openGate()}. */
    public RecordingEventSender closeGate() {
        gate = new CountDownLatch(1);
        return this;
    }

    public void openGate() {
        gate.countDown();
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public List<Object> values() {
        return sent.stream().map(Sent::value).toList();
    }

    @Override
    public void send(String topic, String key, Object value, Iterable<Header> headers, Delivery delivery) {
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
        int attempt = attempts.getAndIncrement();
        if (attempt == throwAt) {
            throw new SerializationException("cannot serialize record " + attempt);
        }
        int index = sent.size();
        CompletableFuture<Object> ack = new CompletableFuture<>();
        // The test completes the future (or it completes below); the outcome goes to the caller's one Delivery.
        ack.whenComplete((result, failure) -> {
            if (failure == null) {
                delivery.acked();
            } else {
                delivery.failed(failure);
            }
        });
        sent.add(new Sent(topic, key, value, new RecordHeaders(headers), System.nanoTime(),
                Thread.currentThread().getName(), ack));
        if (index == failAt) {
            ack.completeExceptionally(new RecordTooLargeException("record " + index + " is too large"));
        } else if (!holdAcks) {
            ack.complete(index);
        }
    }
}
