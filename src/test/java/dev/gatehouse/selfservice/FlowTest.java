package dev.gatehouse.selfservice;

import dev.gatehouse.kernel.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlowTest {

    private static final Ui FORM = new Ui("https://id.example/self-service/login?flow=x", "POST", List.of(), List.of());
    private static final Ui OTHER = FORM.withMessage(Texts.generic("shown"));

    static Flow flow(FlowKind kind, FlowState state) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new Flow(UUID.randomUUID(), TenantId.DEFAULT, kind, Flavor.API, state, "https://id.example/", null, null, null,
                null, false, FORM, now, now.plusSeconds(600));
    }

    @Test
    void passedChallengeWhenChoosingMethodThenSpent() {
        Flow done = flow(FlowKind.LOGIN, FlowState.CHOOSE_METHOD).passedChallenge(OTHER);
        assertEquals(FlowState.PASSED_CHALLENGE, done.state());
        assertEquals("passed_challenge", done.state().wire());
        assertEquals(OTHER, done.ui());
        assertTrue(done.isSpent());
    }

    @Test
    void passedChallengeWhenCodeSentThenSpent() {
        assertEquals(FlowState.PASSED_CHALLENGE, flow(FlowKind.RECOVERY, FlowState.SENT_EMAIL).passedChallenge(OTHER).state());
    }

    @Test
    void passedChallengeWhenAlreadyPassedThenFlowReplacedError() {
        FlowError e = assertThrows(IllegalFlowTransition.class,
                () -> flow(FlowKind.LOGIN, FlowState.PASSED_CHALLENGE).passedChallenge(OTHER));
        assertEquals(FlowError.Kind.SPENT, e.kind());
        assertEquals(410, e.kind().status());
    }

    @Test
    void passedChallengeWhenSettingsThenStateError() {
        FlowError e = assertThrows(IllegalFlowTransition.class, () -> flow(FlowKind.SETTINGS, FlowState.SHOW_FORM).passedChallenge(OTHER));
        assertEquals(FlowError.Kind.STATE, e.kind());
        assertEquals(409, e.kind().status());
        assertTrue(e.getMessage().contains("show_form") && e.getMessage().contains("passed_challenge"), e.getMessage());
    }

    @Test
    void sentEmailWhenChoosingOrAlreadySentThenSentEmail() {
        assertEquals(FlowState.SENT_EMAIL, flow(FlowKind.VERIFICATION, FlowState.CHOOSE_METHOD).sentEmail(OTHER).state());
        assertEquals(FlowState.SENT_EMAIL, flow(FlowKind.LOGIN, FlowState.SENT_EMAIL).sentEmail(OTHER).state());
    }

    @Test
    void sentEmailWhenPassedThenFlowReplacedError() {
        assertEquals(FlowError.Kind.SPENT, assertThrows(IllegalFlowTransition.class,
                () -> flow(FlowKind.REGISTRATION, FlowState.PASSED_CHALLENGE).sentEmail(OTHER)).kind());
    }

    @Test
    void sentEmailWhenSettingsThenStateError() {
        assertEquals(FlowError.Kind.STATE, assertThrows(IllegalFlowTransition.class,
                () -> flow(FlowKind.SETTINGS, FlowState.SHOW_FORM).sentEmail(OTHER)).kind());
    }

    @Test
    void savedWhenShowingFormOrSavedThenSuccess() {
        assertEquals(FlowState.SUCCESS, flow(FlowKind.SETTINGS, FlowState.SHOW_FORM).saved(OTHER).state());
        assertEquals(FlowState.SUCCESS, flow(FlowKind.SETTINGS, FlowState.SUCCESS).saved(OTHER).state());
    }

    @Test
    void refusedWhenSavedThenBackToShowForm() {
        assertEquals(FlowState.SHOW_FORM, flow(FlowKind.SETTINGS, FlowState.SUCCESS).refused(OTHER).state());
    }

    @Test
    void savedWhenLoginFlowThenStateError() {
        assertThrows(IllegalFlowTransition.class, () -> flow(FlowKind.LOGIN, FlowState.CHOOSE_METHOD).saved(OTHER));
        assertThrows(IllegalFlowTransition.class, () -> flow(FlowKind.LOGIN, FlowState.CHOOSE_METHOD).refused(OTHER));
    }

    @Test
    void showingWhenAnyStateThenStateKept() {
        for (FlowState s : FlowState.values()) {
            Flow shown = flow(FlowKind.LOGIN, s).showing(OTHER);
            assertEquals(s, shown.state());
            assertEquals(OTHER, shown.ui());
        }
    }

    @Test
    void wireNamesWhenStoredThenKratosNames() {
        assertEquals(List.of("choose_method", "sent_email", "passed_challenge", "show_form", "success"),
                List.of(FlowState.values()).stream().map(FlowState::wire).toList());
        for (FlowState s : FlowState.values()) {
            assertEquals(s, FlowState.ofWire(s.wire()));
        }
        assertThrows(IllegalArgumentException.class, () -> FlowState.ofWire("CHOOSE_METHOD"));
    }
}
