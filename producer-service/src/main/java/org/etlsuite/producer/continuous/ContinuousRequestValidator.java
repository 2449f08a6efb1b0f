package org.etlsuite.producer.continuous;

import java.time.Duration;

import org.etlsuite.producer.ProducerProperties;
import org.etlsuite.producer.web.RequestChecks;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The rules of a continuous-stream request that constraint annotations cannot express: the configured largest
 * {@code ratePerSecond} and longest {@code backfill}, and {@code dirtyFraction} from 0 to 1 (NaN included in "not").
 */
@Component
class ContinuousRequestValidator implements Validator {

    private final double maxRatePerSecond;
    private final Duration maxBackfill;

    ContinuousRequestValidator(ProducerProperties properties) {
        this.maxRatePerSecond = properties.continuous().maxRatePerSecond();
        this.maxBackfill = properties.maxBackfill();
    }

    @Override
    public boolean supports(Class<?> type) {
        return ContinuousRequest.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        ContinuousRequest request = (ContinuousRequest) target;
        RequestChecks.checkMaxRate(errors, request.ratePerSecond(), maxRatePerSecond);
        RequestChecks.checkDirtyFraction(errors, request.dirtyFraction());
        RequestChecks.checkBackfill(errors, request.backfill(), maxBackfill);
    }
}
