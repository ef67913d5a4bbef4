package dev.gatehouse.jwk.api;

import dev.gatehouse.jwk.KeySetName;
import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;

import java.util.List;

/** Input checks of the keys API; like Hydra's, it answers bad input with 400, naming the field. */
final class KeySetNames {

    private KeySetNames() {
    }

    static KeySetName parse(String set) {
        try {
            return new KeySetName(set);
        } catch (IllegalArgumentException e) {
            throw badRequest("set", "a key set name is 1-64 letters, digits, '.', '_' or '-'");
        }
    }

    static ApiException badRequest(String field, String message) {
        return new ApiException(ApiError.MALFORMED_REQUEST, field + ": " + message,
                List.of(new ApiException.FieldError(field, message)));
    }
}
