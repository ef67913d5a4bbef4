package dev.gatehouse.jwk;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;

import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;

/** Placeholder until the real implementation lands; its implementer deletes this class. */
@ApplicationScoped
public class PendingJwtSigning implements JwtSigning {

    @Override
    public String sign(KeySetName set, JWTClaimsSet claims, JOSEObjectType type) {
        throw new IllegalStateException("signing keys are not implemented yet");
    }

    @Override
    public Optional<JWTClaimsSet> verify(KeySetName set, String jwt) {
        throw new IllegalStateException("signing keys are not implemented yet");
    }

    @Override
    public JWKSet publicKeys() {
        throw new IllegalStateException("signing keys are not implemented yet");
    }
}
