package dev.gatehouse.session;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The session's methods as RFC 8176 {@code amr} values: the table in docs/mfa.md. */
class AuthenticationMethodReferencesTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    /** "method" or "method/via", the session's methods in order → the expected amr. */
    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(List.of("password"), List.of("pwd")),
                Arguments.of(List.of("password", "totp"), List.of("pwd", "otp", "mfa")),
                Arguments.of(List.of("password", "lookup_secret"), List.of("pwd", "otp", "mfa")),
                Arguments.of(List.of("password", "totp", "lookup_secret"), List.of("pwd", "otp", "mfa")),
                Arguments.of(List.of("password", "webauthn"), List.of("pwd", "hwk", "mfa")),
                Arguments.of(List.of("passkey"), List.of("hwk", "user")),
                Arguments.of(List.of("code"), List.of("otp")),
                Arguments.of(List.of("code/email"), List.of("otp")),
                Arguments.of(List.of("code/sms"), List.of("sms")),
                Arguments.of(List.of("password", "code/sms"), List.of("pwd", "sms", "mfa")),
                Arguments.of(List.of("code", "totp"), List.of("otp")),
                Arguments.of(List.of("code_recovery"), List.of("otp")),
                Arguments.of(List.of("link_recovery"), List.of("otp")),
                Arguments.of(List.of("password", "password"), List.of("pwd")),
                Arguments.of(List.of("oidc"), List.of()),
                Arguments.of(List.of("oidc", "totp"), List.of("otp")),
                Arguments.of(List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("table")
    void ofWhenSessionMethodsThenRfc8176Values(List<String> methods, List<String> amr) {
        List<AuthenticationMethod> session = methods.stream().map(m -> {
            String[] parts = m.split("/");
            return new AuthenticationMethod(parts[0], "aal1", T, Arrays.stream(parts).skip(1).findFirst());
        }).toList();

        assertEquals(amr, AuthenticationMethodReferences.of(session));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void ofWhenMethodHasNoViaThenSameAsThreeArgumentEntry(List<String> methods, List<String> ignored) {
        List<AuthenticationMethod> plain = methods.stream().map(m -> new AuthenticationMethod(m.split("/")[0], "aal1", T)).toList();
        List<AuthenticationMethod> empty = methods.stream().map(m -> new AuthenticationMethod(m.split("/")[0], "aal1", T, Optional.empty())).toList();

        assertEquals(AuthenticationMethodReferences.of(empty), AuthenticationMethodReferences.of(plain));
    }
}
