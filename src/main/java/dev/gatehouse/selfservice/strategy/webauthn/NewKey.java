package dev.gatehouse.selfservice.strategy.webauthn;

import dev.gatehouse.credential.webauthn.Challenge;
import dev.gatehouse.credential.webauthn.RegistrationVerifier;
import dev.gatehouse.credential.webauthn.UserVerification;
import dev.gatehouse.credential.webauthn.WebAuthnCredential;
import dev.gatehouse.credential.webauthn.WebAuthnException;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiText;

import java.time.Instant;
import java.util.Optional;

/**
 * A registration answer checked the one way every method checks it: against the challenge of the options node the
 * flow showed (read from the flow kept on the server), the relying party and attestation rule of the tenant, and
 * the keys the identity already has (the same key twice is refused, Kratos' message).
 */
public final class NewKey {

    /** What became of an answer. */
    public sealed interface Outcome permits Made, Refused {
    }

    /** The answer registers {@code credential}. */
    public record Made(WebAuthnCredential credential) implements Outcome {
    }

    /** The answer registers nothing; {@code why} is the form's message. */
    public record Refused(UiText why) implements Outcome {
    }

    private NewKey() {
    }

    /**
     * @param shown       the form the flow showed
     * @param optionsNode the node whose value holds the creation options
     * @param answer      the browser's {@code PublicKeyCredential} JSON, if the submission has one
     * @param existing    the identity's keys of the same type, if any
     */
    public static Outcome check(WebAuthnConfig config, Ui shown, String optionsNode, Optional<String> answer, UserVerification uv,
                                String name, Optional<WebAuthnKeys> existing, Instant now) {
        Optional<Challenge> challenge = Ceremonies.challenge(shown, optionsNode);
        if (answer.isEmpty() || challenge.isEmpty()) {
            return new Refused(WebAuthnMessages.registrationRefused());
        }
        WebAuthnCredential made;
        try {
            made = new RegistrationVerifier(config.relyingParty(), config.attestationPolicy()).verify(answer.get(), challenge.get(), uv,
                    name, now);
        } catch (WebAuthnException e) {
            return new Refused(WebAuthnMessages.registrationRefused());
        }
        if (existing.flatMap(k -> k.find(made.id())).isPresent()) {
            return new Refused(WebAuthnMessages.alreadyRegistered());
        }
        return new Made(made);
    }
}
