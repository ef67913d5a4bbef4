package dev.gatehouse.it.selfservice;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.Mailbox;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.gatehouse.it.selfservice.CodeFlows.email;
import static dev.gatehouse.it.selfservice.CodeFlows.messageIds;
import static dev.gatehouse.it.selfservice.CodeFlows.nodeNames;
import static dev.gatehouse.it.selfservice.CodeFlows.registered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Brute-force protection of sign-in by code per identifier: each flow allows few tries, so a guesser spreads
 * them over many flows; the identifier's failures are counted across flows and lock it, with the answer of
 * a wrong code. The right code comes from the mail (GreenMail).
 */
@ExtendWith(ItServerReady.class)
class CodeLoginProtectionIT {

    @RegisterExtension
    Mailbox mail = new Mailbox();

    private static JsonObject codeSent(String identifier) {
        JsonObject flow = ApiFlows.start("", "login");
        Http.Response sent = ApiFlows.submit(flow, "{\"method\":\"code\",\"identifier\":\"" + identifier + "\"}");
        assertEquals(200, sent.status(), sent.toString());
        return sent.jsonObject();
    }

    private static Http.Response typed(JsonObject flow, String code) {
        return ApiFlows.submit(flow, "{\"method\":\"code\",\"code\":\"" + code + "\"}");
    }

    @Test
    void loginCodeWhenWrongCodesSpreadOverFlowsThenIdentifierLockedAndTheRightCodeAnsweredAsAWrongOne() {
        String address = email("guessed");
        registered("", address);
        for (int i = 0; i < 5; i++) {
            Http.Response wrong = typed(codeSent(address), "000000");
            assertEquals(400, wrong.status(), wrong.toString());
        }
        JsonObject flow = codeSent(address);
        String right = Mailbox.code(mail.awaitMailContaining(address, "flow=" + flow.getString("id")), address);

        Http.Response locked = typed(flow, right);
        Http.Response unknown = typed(codeSent(email("nobody")), right);

        assertEquals(400, locked.status(), "the right code is refused while the identifier is locked");
        assertEquals(List.of(4010008L), messageIds(locked.jsonObject()));
        assertEquals(unknown.status(), locked.status());
        assertEquals(messageIds(unknown.jsonObject()), messageIds(locked.jsonObject()), "the same answer as for an unknown address");
        assertEquals(nodeNames(unknown.jsonObject()).size(), nodeNames(locked.jsonObject()).size());
        assertTrue(locked.jsonObject().getJsonObject("ui").getJsonArray("messages").equals(
                unknown.jsonObject().getJsonObject("ui").getJsonArray("messages")));
        Http.Response locks = Http.get("/admin/lockouts?subject=" + address).admin().send();
        assertEquals(1, locks.json().asJsonArray().size(), locks.body());

        assertEquals(204, Http.method("DELETE", "/admin/lockouts?subject=" + address).admin().send().status());
        Http.Response cleared = typed(flow, right);
        assertEquals(200, cleared.status(), "the code was not used up by the locked try: " + cleared);
        assertTrue(cleared.jsonObject().getString("session_token").startsWith("ory_st_"));
    }

    @Test
    void loginCodeWhenFewerWrongCodesThanTheLimitThenTheRightCodeSignsIn() {
        String address = email("unlucky");
        registered("", address);
        for (int i = 0; i < 4; i++) {
            typed(codeSent(address), "000000");
        }
        JsonObject flow = codeSent(address);
        String right = Mailbox.code(mail.awaitMailContaining(address, "flow=" + flow.getString("id")), address);

        Http.Response r = typed(flow, right);

        assertEquals(200, r.status(), r.toString());
        assertTrue(Http.get("/admin/lockouts?subject=" + address).admin().send().json().asJsonArray().isEmpty(),
                "a sign-in clears the identifier's count");
    }
}
