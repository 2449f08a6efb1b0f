package org.etlsuite.producer.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The service on a clock that stands still at {@link #CLOCK}, so that a test can assert the times it reports. */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClockBeans {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T08:30:00Z"), ZoneOffset.UTC);

    @Bean
    @Primary
    Clock fixedClock() {
        return CLOCK;
    }
}
