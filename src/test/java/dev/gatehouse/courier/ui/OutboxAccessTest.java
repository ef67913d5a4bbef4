package dev.gatehouse.courier.ui;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxAccessTest {

    @Test
    void outboxWhenDemoAndLoopbackThenAllowed() {
        assertTrue(OutboxAccess.allowed(true, "127.0.0.1", false));
        assertTrue(OutboxAccess.allowed(true, "0:0:0:0:0:0:0:1", false));
        assertTrue(OutboxAccess.allowed(true, "::1", false));
    }

    @Test
    void outboxWhenDemoOffThenRefusedEvenFromLoopback() {
        assertFalse(OutboxAccess.allowed(false, "127.0.0.1", false));
    }

    @Test
    void outboxWhenRemoteOrForwardedOrOddAddressThenRefused() {
        assertFalse(OutboxAccess.allowed(true, "10.0.0.5", false));
        assertFalse(OutboxAccess.allowed(true, "127.0.0.1", true));
        assertFalse(OutboxAccess.allowed(true, "localhost", false));
        assertFalse(OutboxAccess.allowed(true, null, false));
        assertFalse(OutboxAccess.allowed(true, "", false));
    }
}
