package dev.gatehouse.jwk.api;

import dev.gatehouse.jwk.SigningAlgorithm;
import dev.gatehouse.kernel.json.JsonFields;
import dev.gatehouse.kernel.problem.ApiException;
import jakarta.json.JsonObject;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /admin/keys/{set}} (Hydra's {@code createJsonWebKeySet}): {@code alg} RS256 or ES256,
 * {@code use} {@code sig}, an optional {@code kid}. Symmetric algorithms and encryption keys are refused:
 * Gatehouse keys only sign, and only asymmetrically.
 */
record CreateKeyRequest(SigningAlgorithm alg, Optional<String> kid) {

    private static final Pattern KID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    static CreateKeyRequest parse(JsonObject json) {
        SigningAlgorithm alg = string(json, "alg").flatMap(SigningAlgorithm::parse)
                .orElseThrow(() -> KeySetNames.badRequest("alg", "must be RS256 or ES256"));
        if (!string(json, "use").filter("sig"::equals).isPresent()) {
            throw KeySetNames.badRequest("use", "must be sig: keys here only sign");
        }
        Optional<String> kid = string(json, "kid").filter(k -> !k.isEmpty());
        if (kid.isPresent() && !KID.matcher(kid.get()).matches()) {
            throw KeySetNames.badRequest("kid", "must be 1-64 letters, digits, '.', '_' or '-'");
        }
        return new CreateKeyRequest(alg, kid);
    }

    private static Optional<String> string(JsonObject json, String field) {
        try {
            return JsonFields.optionalString(json, field);
        } catch (ApiException wrongType) {
            throw KeySetNames.badRequest(field, "must be a string");
        }
    }
}
