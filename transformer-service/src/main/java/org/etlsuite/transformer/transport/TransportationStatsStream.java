package org.etlsuite.transformer.transport;

import org.etlsuite.events.transport.TransportTrip;
import org.etlsuite.events.transport.TransportTripProcessed;
import org.etlsuite.model.Topics;
import org.etlsuite.transformer.pipeline.StreamSpec;

/** The transportation-stats stream in the common pipeline: its rules, identity and features. */
public final class TransportationStatsStream {

    public static final String TOPIC = Topics.TRANSPORTATION_STATS;

    private TransportationStatsStream() {
    }

    /**
     * De-duplication by transaction_id without a repartition: the input key is the transaction_id
     * itself (the producer keys by it), so every copy of a trip lands on the same partition and task.
     */
    public static StreamSpec<TransportTrip, TransportTripProcessed> spec() {
        return new StreamSpec<>(
                TOPIC,
                TransportTrip.class,
                TransportTripRules.ALL,
                TransportTrip::getTransactionId,
                TransportTrip::getTransactionId,
                StreamSpec.DedupKeying.INPUT_KEY,
                TransportFeatures::enrich);
    }
}
