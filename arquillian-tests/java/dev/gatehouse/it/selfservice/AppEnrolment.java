package dev.gatehouse.it.selfservice;

import dev.gatehouse.credential.totp.Totp;
import dev.gatehouse.credential.totp.TotpSecret;
import dev.gatehouse.it.support.Http;
import jakarta.json.JsonObject;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An identity signed up with a password that then sets up an authenticator app, over the API flows. */
public final class AppEnrolment {

    private static final Totp TOTP = new Totp();

    private AppEnrolment() {
    }

    /** The app's secret, known to the test as it would be to the phone. */
    public record Enrolled(String identityId, TotpSecret secret) {
    }

    /** Signs up {@code email} and sets up an app with the current step's code; returns the identity and secret. */
    public static Enrolled signUpWithApp(String email, String password) {
        Http.Response registered = ApiFlows.register("", email, password);
        assertEquals(200, registered.status(), registered.toString());
        String token = registered.jsonObject().getString("session_token");
        Http.Response started = Http.get("/self-service/settings/api").header("X-Session-Token", token).send();
        assertEquals(200, started.status(), started.toString());
        JsonObject flow = started.jsonObject();
        JsonObject secretNode = flow.getJsonObject("ui").getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                .filter(n -> "totp_secret_key".equals(n.getJsonObject("attributes").getString("id", ""))).findFirst().orElseThrow();
        TotpSecret secret = TotpSecret.parse(secretNode.getJsonObject("attributes").getJsonObject("text")
                .getJsonObject("context").getString("secret"));
        String action = flow.getJsonObject("ui").getString("action");
        Http.Response saved = Http.post(action.substring(action.indexOf("/", action.indexOf("//") + 2)))
                .header("X-Session-Token", token)
                .json("{\"method\":\"totp\",\"totp_code\":\"" + TOTP.code(secret, Totp.step(Instant.now())) + "\"}").send();
        assertEquals(200, saved.status(), saved.toString());
        return new Enrolled(registered.jsonObject().getJsonObject("identity").getString("id"), secret);
    }
}
