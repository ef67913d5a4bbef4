package dev.gatehouse.gateway.errors;

import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;

import java.util.Optional;

/** One error handler of a rule (or a fallback), bound to its config, with the {@code when} that selects it. */
public record ErrorStep(WhenConditions when, ErrorHandler.Bound handler) {

    /** The handler's answer when its {@code when} matches this denial; empty when the next one is to be asked. */
    public Optional<ErrorAnswer> answer(GatewayException error, GatewayRequest request) {
        return when.matches(error, request) ? Optional.of(handler.handle(request, error)) : Optional.empty();
    }
}
