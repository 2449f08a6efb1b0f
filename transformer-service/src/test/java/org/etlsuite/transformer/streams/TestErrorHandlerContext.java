package org.etlsuite.transformer.streams;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;

/** The coordinates Kafka Streams hands a handler, for a record of the given topic, partition and offset. */
record TestErrorHandlerContext(String topic, int partition, long offset) implements ErrorHandlerContext {

    @Override
    public Headers headers() {
        return new RecordHeaders();
    }

    @Override
    public String processorNodeId() {
        return "urban-readings";
    }

    @Override
    public TaskId taskId() {
        return new TaskId(0, partition);
    }

    @Override
    public long timestamp() {
        return 0;
    }

    @Override
    public byte[] sourceRawKey() {
        return null;
    }

    @Override
    public byte[] sourceRawValue() {
        return null;
    }
}
