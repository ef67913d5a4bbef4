package dev.gatehouse.admin.console;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleRoleTest {

    @Test
    void roleWhenMetadataNamesOneThenThatRole() {
        assertEquals(Optional.of(ConsoleRole.HELPDESK), ConsoleRole.of(Json.createObjectBuilder().add("console_role", " Helpdesk").build()));
    }

    @Test
    void roleWhenMetadataAbsentOrUnknownOrNotTextThenNone() {
        assertEquals(Optional.empty(), ConsoleRole.of(JsonValue.NULL));
        assertEquals(Optional.empty(), ConsoleRole.of(Json.createObjectBuilder().add("console_role", "root").build()));
        assertEquals(Optional.empty(), ConsoleRole.of(Json.createObjectBuilder().add("console_role", true).build()));
        assertEquals(Optional.empty(), ConsoleRole.of(Json.createArrayBuilder().add("admin").build()));
    }

    @Test
    void pagesWhenHelpdeskThenIdentitiesButNotClients() {
        assertTrue(ConsolePage.IDENTITY.opensFor(user(ConsoleRole.HELPDESK)));
        assertFalse(ConsolePage.CLIENTS.opensFor(user(ConsoleRole.HELPDESK)));
        assertFalse(ConsolePage.KEYS.opensFor(user(ConsoleRole.HELPDESK)));
        assertTrue(ConsolePage.KEYS.opensFor(user(ConsoleRole.AUDITOR)));
        assertEquals(List.of(ConsolePage.IDENTITIES), ConsolePage.navigation(user(ConsoleRole.HELPDESK)));
        assertEquals(List.of(ConsolePage.IDENTITIES, ConsolePage.CLIENTS), ConsolePage.navigation(user(ConsoleRole.ADMIN)).subList(0, 2));
    }

    @Test
    void pagesWhenRulesOrCourierThenAdminAndAuditorButNotHelpdesk() {
        for (ConsolePage page : List.of(ConsolePage.RULES, ConsolePage.RULE, ConsolePage.RULE_TRIAL, ConsolePage.COURIER)) {
            assertTrue(page.opensFor(user(ConsoleRole.ADMIN)), page.name());
            assertTrue(page.opensFor(user(ConsoleRole.AUDITOR)), page.name());
            assertFalse(page.opensFor(user(ConsoleRole.HELPDESK)), page.name());
        }
        assertTrue(ConsolePage.navigation(user(ConsoleRole.AUDITOR)).containsAll(List.of(ConsolePage.RULES, ConsolePage.COURIER)));
    }

    @Test
    void tenantsPagesWhenAdminOrAuditorOfTheDefaultTenantThenOpenElseNot() {
        for (ConsolePage page : List.of(ConsolePage.TENANTS, ConsolePage.TENANT)) {
            assertTrue(page.opensFor(user(ConsoleRole.ADMIN)), page.name());
            assertTrue(page.opensFor(user(ConsoleRole.AUDITOR)), page.name());
            assertFalse(page.opensFor(user(ConsoleRole.HELPDESK)), page.name());
            assertFalse(page.opensFor(new ConsoleUser("someone", "acme", ConsoleRole.ADMIN, null)), page.name());
            assertFalse(page.opensFor(new ConsoleUser("someone", "acme", ConsoleRole.AUDITOR, null)), page.name());
        }
        assertTrue(ConsolePage.navigation(user(ConsoleRole.ADMIN)).contains(ConsolePage.TENANTS));
        assertFalse(ConsolePage.navigation(new ConsoleUser("someone", "acme", ConsoleRole.ADMIN, null)).contains(ConsolePage.TENANTS));
        assertTrue(ConsolePage.CLIENTS.opensFor(new ConsoleUser("someone", "acme", ConsoleRole.ADMIN, null)),
                "a tenant's admin opens its own tenant's pages");
    }

    @Test
    void pageWhenPathIsNoConsolePageThenNone() {
        assertEquals(Optional.of(ConsolePage.IDENTITIES), ConsolePage.at("/ui/console/identities.xhtml"));
        assertEquals(Optional.empty(), ConsolePage.at("/ui/console/../admin/outbox.xhtml"));
        assertEquals(Optional.empty(), ConsolePage.at("/ui/console/denied.xhtml"));
    }

    @Test
    void changesWhenAuditorThenNone() {
        assertFalse(ConsoleRole.AUDITOR.mayChange());
        assertTrue(ConsoleRole.HELPDESK.mayChange());
    }

    /** A console user of the default tenant. */
    private static ConsoleUser user(ConsoleRole role) {
        return new ConsoleUser("someone", "default", role, null);
    }
}
