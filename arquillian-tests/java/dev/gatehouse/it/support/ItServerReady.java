package dev.gatehouse.it.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes sure the test server is up and its database reachable before a test class runs (on the client
 * side only; inside the server, where Arquillian runs in-container tests, it does nothing).
 */
public final class ItServerReady implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        if (System.getProperty("gatehouse.it.settings") != null) {
            ItServer.get();
        }
    }
}
