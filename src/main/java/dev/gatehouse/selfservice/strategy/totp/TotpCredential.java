package dev.gatehouse.selfservice.strategy.totp;

import dev.gatehouse.credential.totp.TotpSecret;
import dev.gatehouse.identity.Credential;
import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.kernel.JsonP;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An identity's {@code totp} credential as stored: Kratos' config {@code {"totp_url": "otpauth://..."}}, plus
 * {@code last_used_step}, the RFC 6238 time step of the last code accepted (a code for it or an earlier one is a
 * replay). Its identifier is the identity's id, as in Kratos.
 */
record TotpCredential(String url, OptionalLong lastUsedStep, Instant createdAt) {

    static Optional<TotpCredential> of(Identity identity) {
        return identity.credential(CredentialType.TOTP).filter(c -> c.config().containsKey("totp_url")).map(c -> {
            JsonNumber step = c.config().getJsonNumber("last_used_step");
            return new TotpCredential(c.config().getString("totp_url"),
                    step == null ? OptionalLong.empty() : OptionalLong.of(step.longValue()), c.createdAt());
        });
    }

    /** The secret from the URL's {@code secret} parameter. */
    TotpSecret secret() {
        String query = URI.create(url).getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith("secret=")) {
                return TotpSecret.parse(URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8));
            }
        }
        throw new IllegalStateException("the stored totp_url has no secret");
    }

    TotpCredential used(long step) {
        return new TotpCredential(url, OptionalLong.of(step), createdAt);
    }

    Credential toCredential(Identity identity, Instant now) {
        JsonObjectBuilder config = JsonP.createObjectBuilder().add("totp_url", url);
        lastUsedStep.ifPresent(s -> config.add("last_used_step", s));
        return new Credential(CredentialType.TOTP, List.of(identity.id().toString()), config.build(), 0, createdAt, now);
    }
}
