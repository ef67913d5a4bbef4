package dev.gatehouse.oauth2.authorize;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AcrValuesTest {

    @Test
    void requestedWhenPapeMultiFactorThenNeedsSecondFactor() {
        AcrValues.Requested r = AcrValues.requested(List.of(AcrValues.PAPE_MULTI_FACTOR)).orElseThrow();

        assertEquals("aal2", r.aal());
        assertTrue(r.needsSecondFactor());
        assertFalse(r.satisfiedBy("aal1"));
        assertTrue(r.satisfiedBy("aal2"));
    }

    @Test
    void requestedWhenUnknownValuesFirstThenFirstKnownWins() {
        assertEquals(Optional.of(new AcrValues.Requested("aal1", "aal1")),
                AcrValues.requested(List.of("urn:example:gold", "aal1", "aal2")));
        assertEquals(Optional.empty(), AcrValues.requested(List.of("urn:example:gold", "AAL2")));
        assertEquals(Optional.empty(), AcrValues.requested(List.of()));
    }

    @Test
    void requestedWhenAal1ThenAnySessionSatisfies() {
        AcrValues.Requested r = AcrValues.requested(List.of("aal1")).orElseThrow();

        assertTrue(r.satisfiedBy("aal1") && r.satisfiedBy("aal2"));
        assertFalse(r.needsSecondFactor());
    }

    @Test
    void acrWhenSessionAtTheRequestedLevelThenTheRequestedValueElseTheSessionsLevel() {
        Optional<AcrValues.Requested> pape = AcrValues.requested(List.of(AcrValues.PAPE_MULTI_FACTOR));

        assertEquals(AcrValues.PAPE_MULTI_FACTOR, AcrValues.acr(pape, "aal2"));
        assertEquals("aal2", AcrValues.acr(AcrValues.requested(List.of("aal1")), "aal2"));
        assertEquals("aal1", AcrValues.acr(Optional.empty(), "aal1"));
    }
}
