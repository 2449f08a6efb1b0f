package org.etlsuite.transformer;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The embedded KRaft broker of the Spring Boot tests of this service, with topics of three partitions:
 * exactly-once needs the transaction log, and a single broker can only hold one replica of it (and of
 * the offsets topic); no rebalance delay, so that the test instance gets its partitions at once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EmbeddedKafka(partitions = 3, brokerProperties = {
        "group.initial.rebalance.delay.ms=0",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "offsets.topic.replication.factor=1"
})
public @interface ExactlyOnceEmbeddedKafka {

    /** The topics to create before the service starts. */
    @AliasFor(annotation = EmbeddedKafka.class, attribute = "topics")
    String[] topics() default {"urban-sensors", "product-events", "transportation-stats"};
}
