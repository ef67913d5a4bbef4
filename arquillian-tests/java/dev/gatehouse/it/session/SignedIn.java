package dev.gatehouse.it.session;

import dev.gatehouse.it.selfservice.ApiFlows;
import dev.gatehouse.it.support.Http;
import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fixture: a new identity signed in three times over the API flow (registration, then two logins), so it
 * holds three sessions. The first is the one the tests call from.
 *
 * @param prefix   the tenant prefix ({@code ""} or {@code /t/acme})
 * @param identity the identity's id
 * @param sessions its sessions, in the order they were issued
 */
record SignedIn(String prefix, String identity, List<SignedIn.Token> sessions) {

    static final String PASSWORD = "a very decent passphrase 42";

    /** One session: its id and the token that presents it. */
    record Token(String id, String value) {
    }

    static SignedIn thrice(String prefix) {
        String email = "sessions-" + UUID.randomUUID().toString().substring(0, 10) + "@example.test";
        Http.Response registered = ApiFlows.register(prefix, email, PASSWORD);
        assertEquals(200, registered.status(), registered.toString());
        List<Token> tokens = new ArrayList<>(List.of(token(registered)));
        for (int i = 0; i < 2; i++) {
            Http.Response loggedIn = ApiFlows.login(prefix, email, PASSWORD);
            assertEquals(200, loggedIn.status(), loggedIn.toString());
            tokens.add(token(loggedIn));
        }
        return new SignedIn(prefix, registered.jsonObject().getJsonObject("identity").getString("id"), List.copyOf(tokens));
    }

    Token current() {
        return sessions.get(0);
    }

    Token second() {
        return sessions.get(1);
    }

    Token third() {
        return sessions.get(2);
    }

    /** A call to the public session API with the current session's token. */
    Http.Response call(String method, String path) {
        return Http.method(method, prefix + path).header("X-Session-Token", current().value()).send();
    }

    /** Whether the session's token still authenticates at {@code /sessions/whoami}. */
    boolean works(Token token) {
        int status = ApiFlows.whoami(prefix, token.value()).status();
        assertTrue(status == 200 || status == 401, "whoami answers " + status);
        return status == 200;
    }

    private static Token token(Http.Response r) {
        JsonObject body = r.jsonObject();
        return new Token(body.getJsonObject("session").getString("id"), body.getString("session_token"));
    }
}
