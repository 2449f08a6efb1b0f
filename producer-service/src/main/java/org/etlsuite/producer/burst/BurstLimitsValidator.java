package org.etlsuite.producer.burst;

import java.math.BigDecimal;

import org.etlsuite.producer.ProducerProperties;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.Validator;

/**
 * The upper limits of a burst request come from configuration, which constraint annotations cannot read.
 * Registered on the request's data binder next to Bean Validation, so its errors arrive in the same
 * {@code MethodArgumentNotValidException} and render the same way.
 */
@Component
class BurstLimitsValidator implements Validator {

    private final long maxEvents;
    private final double maxRatePerSecond;

    BurstLimitsValidator(ProducerProperties properties) {
        this.maxEvents = properties.bursts().maxEvents();
        this.maxRatePerSecond = properties.bursts().maxRatePerSecond();
    }

    @Override
    public boolean supports(Class<?> type) {
        return BurstRequest.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        BurstRequest request = (BurstRequest) target;
        if (request.events() != null && request.events() > maxEvents) {
            reject(errors, "events", request.events(), BigDecimal.valueOf(maxEvents));
        }
        if (request.ratePerSecond() != null && request.ratePerSecond() > maxRatePerSecond) {
            reject(errors, "ratePerSecond", request.ratePerSecond(), BigDecimal.valueOf(maxRatePerSecond));
        }
    }

    private static void reject(Errors errors, String field, Object value, BigDecimal max) {
        String limit = max.stripTrailingZeros().toPlainString();
        String message = "must be less than or equal to " + limit;
        if (errors instanceof BindingResult result) {
            // Add the error directly: rejectValue would read the property through JavaBean getters, which records lack.
            result.addError(new FieldError(errors.getObjectName(), field, value, false,
                    result.resolveMessageCodes("Max", field), new Object[] {limit}, message));
        } else {
            errors.rejectValue(field, "Max", new Object[] {limit}, message);
        }
    }
}
