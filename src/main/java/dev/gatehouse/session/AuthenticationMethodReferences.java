package dev.gatehouse.session;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A session's authentication methods as RFC 8176 {@code amr} values, for ID tokens and the gateway. Each method
 * maps by its name (and, for a sent code, by {@link AuthenticationMethod#via()}); {@code mfa} follows when the
 * methods prove two different kinds of factor (something known, something held). A method with no RFC 8176
 * meaning adds nothing. The table is in docs/mfa.md, "amr and acr".
 */
public final class AuthenticationMethodReferences {

    /** RFC 8176 §2: the kind of factor a value proves ({@code NONE}: a check that is no factor of its own). */
    private enum Factor { KNOWLEDGE, POSSESSION, NONE }

    private record Reference(String value, Factor factor) {
    }

    private AuthenticationMethodReferences() {
    }

    /** The {@code amr} values of these methods, in the order they were first used, {@code mfa} last. */
    public static List<String> of(List<AuthenticationMethod> methods) {
        Set<String> values = new LinkedHashSet<>();
        Set<Factor> factors = EnumSet.noneOf(Factor.class);
        for (AuthenticationMethod m : methods) {
            for (Reference r : references(m.method(), m.via())) {
                values.add(r.value());
                if (r.factor() != Factor.NONE) {
                    factors.add(r.factor());
                }
            }
        }
        List<String> out = new ArrayList<>(values);
        if (factors.size() > 1) {
            out.add("mfa");
        }
        return List.copyOf(out);
    }

    private static List<Reference> references(String method, Optional<String> via) {
        return switch (method) {
            case "password" -> List.of(new Reference("pwd", Factor.KNOWLEDGE));
            // an authenticator app's codes and recovery codes are one-time passwords
            case "totp", "lookup_secret" -> List.of(new Reference("otp", Factor.POSSESSION));
            case "webauthn" -> List.of(new Reference("hwk", Factor.POSSESSION));
            // a passkey always asks for user verification: the key, and a person present at it
            case "passkey" -> List.of(new Reference("hwk", Factor.POSSESSION), new Reference("user", Factor.NONE));
            case "code", "code_recovery", "link_recovery" -> via.filter("sms"::equals).isPresent()
                    ? List.of(new Reference("sms", Factor.POSSESSION))
                    : List.of(new Reference("otp", Factor.POSSESSION));
            default -> List.of();
        };
    }
}
