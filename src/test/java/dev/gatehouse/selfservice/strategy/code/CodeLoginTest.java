package dev.gatehouse.selfservice.strategy.code;

import dev.gatehouse.courier.MessageTemplate;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowError;
import dev.gatehouse.selfservice.FlowState;
import dev.gatehouse.selfservice.SelfServiceFixtures;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.code.CodeFixtures;
import dev.gatehouse.selfservice.login.LoginHandler;
import dev.gatehouse.selfservice.login.LoginMethod;
import dev.gatehouse.selfservice.login.LoginThrottle;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CodeLoginTest {

    private static final String EMAIL = "alice@example.com";

    private final SelfServiceFixtures f = new SelfServiceFixtures();
    private final CodeFixtures c = new CodeFixtures(f);
    private final Identity alice = c.identities.add(SelfServiceFixtures.identity(EMAIL, null));
    private final List<String> throttled = new ArrayList<>();
    private final LoginThrottle throttle = new LoginThrottle() {
        @Override
        public boolean isLocked(TenantId tenant, String identifier, String ip) {
            return false;
        }

        @Override
        public void failed(TenantId tenant, String identifier, String ip) {
            throttled.add("failed " + identifier);
        }

        @Override
        public void succeeded(TenantId tenant, String identifier) {
            throttled.add("succeeded " + identifier);
        }
    };
    private final CodeLogin method = new CodeLogin(c.codes, c.mails, c.identities, f.events, f.config, throttle, c.limits);
    private final LoginHandler handler = new LoginHandler(f.flows, List.of(method), f.sessions, f.events, f.config, f.style,
            f.transactions, f.clock);

    private Flow start() {
        return handler.create(SelfServiceFixtures.TENANT, Flavor.BROWSER, false, null, SelfServiceFixtures.BASE + "/self-service/login/browser",
                SelfServiceFixtures.BASE, "csrf-secret", "csrf-hash");
    }

    private static Submission json(String body) {
        return Submission.parse("application/json", new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private Flow sent() {
        return handler.submit(start(), json("{\"method\":\"code\",\"identifier\":\" Alice@Example.com \"}")).flow();
    }

    @Test
    void submitWhenKnownIdentifierThenCodeAndLinkMailedAndFlowWaits() {
        Flow flow = sent();

        assertEquals(FlowState.SENT_EMAIL, f.repository.stored(flow.id()).state());
        assertEquals(MessageTemplate.LOGIN_CODE_VALID, c.mails.last().template());
        assertEquals(EMAIL, c.mails.last().to());
        assertEquals(List.of("csrf_token", "identifier", "code", "method", "resend"),
                flow.ui().nodes().stream().map(n -> n.name()).toList());
    }

    @Test
    void submitWhenUnknownIdentifierThenSameAnswerAndNothingMailed() {
        Flow known = sent();
        Flow unknown = handler.submit(start(), json("{\"method\":\"code\",\"identifier\":\"bob@example.com\"}")).flow();

        assertEquals(1, c.mails.sent.size());
        assertEquals(known.state(), unknown.state());
        assertEquals(known.ui().messages(), unknown.ui().messages());
    }

    @Test
    void submitWhenRightCodeThenSignedInByCodeAndCountCleared() {
        Flow flow = sent();
        String code = c.mails.last().model().get("code");

        LoginHandler.Succeeded ok = assertInstanceOf(LoginHandler.Succeeded.class,
                handler.submit(flow, json("{\"method\":\"code\",\"code\":\"" + code + "\"}")));

        assertEquals(alice, ok.identity());
        assertEquals(List.of(alice.id().value() + " code"), f.sessions.issued);
        assertEquals(List.of("succeeded " + EMAIL), throttled);
    }

    @Test
    void submitWhenWrongCodeThenRefusedAndCountedAgainstTheIdentifier() {
        Flow flow = sent();

        LoginHandler.Result r = handler.submit(flow, json("{\"method\":\"code\",\"code\":\"000000\"}"));

        assertInstanceOf(LoginHandler.Failed.class, r);
        assertEquals(FlowState.SENT_EMAIL, r.flow().state());
        assertEquals(List.of("failed " + EMAIL), throttled);
        assertEquals(List.of(SecurityEventType.LOGIN_FAILED, SecurityEventType.CREDENTIAL_FAILED),
                f.events.types().subList(f.events.fired.size() - 2, f.events.fired.size()));
        assertEquals("code", f.events.fired.get(f.events.fired.size() - 1).details().get("method"));
    }

    @Test
    void submitWhenTriesUsedUpThenFlowReplaced() {
        Flow flow = sent();
        for (int i = 0; i < f.config.codeMaxAttempts(); i++) {
            flow = handler.submit(flow, json("{\"method\":\"code\",\"code\":\"000000\"}")).flow();
        }
        Flow spent = flow;

        assertEquals(FlowError.Kind.SPENT, assertThrows(FlowError.class,
                () -> handler.submit(spent, json("{\"method\":\"code\",\"code\":\"000000\"}"))).kind());
    }

    @Test
    void byLinkWhenMailedTokenThenSignedInAsCodeWithLinkInEvent() {
        Flow flow = sent();
        String link = c.mails.last().model().get("link");
        String token = link.substring(link.indexOf("&token=") + 7);

        assertInstanceOf(LoginHandler.Succeeded.class, handler.byLink(flow, token));

        assertEquals(List.of(alice.id().value() + " code"), f.sessions.issued);
        assertEquals("code_link", f.events.fired.get(f.events.fired.size() - 1).details().get("method"));
    }

    @Test
    void byLinkWhenWrongTokenThenRefusedAndNotCounted() {
        Flow flow = sent();

        LoginHandler.Result r = handler.byLink(flow, "not-the-token");

        assertInstanceOf(LoginHandler.Failed.class, r);
        assertEquals(List.of(), throttled);
        assertInstanceOf(LoginMethod.class, method);
    }
}
