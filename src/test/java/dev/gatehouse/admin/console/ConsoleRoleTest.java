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
        assertTrue(ConsolePage.IDENTITY.opensFor(ConsoleRole.HELPDESK));
        assertFalse(ConsolePage.CLIENTS.opensFor(ConsoleRole.HELPDESK));
        assertFalse(ConsolePage.KEYS.opensFor(ConsoleRole.HELPDESK));
        assertTrue(ConsolePage.KEYS.opensFor(ConsoleRole.AUDITOR));
        assertEquals(List.of(ConsolePage.IDENTITIES), ConsolePage.navigation(ConsoleRole.HELPDESK));
        assertEquals(List.of(ConsolePage.IDENTITIES, ConsolePage.CLIENTS), ConsolePage.navigation(ConsoleRole.ADMIN).subList(0, 2));
    }

    @Test
    void pagesWhenRulesOrCourierThenAdminAndAuditorButNotHelpdesk() {
        for (ConsolePage page : List.of(ConsolePage.RULES, ConsolePage.RULE, ConsolePage.RULE_TRIAL, ConsolePage.COURIER)) {
            assertTrue(page.opensFor(ConsoleRole.ADMIN), page.name());
            assertTrue(page.opensFor(ConsoleRole.AUDITOR), page.name());
            assertFalse(page.opensFor(ConsoleRole.HELPDESK), page.name());
        }
        assertTrue(ConsolePage.navigation(ConsoleRole.AUDITOR).containsAll(List.of(ConsolePage.RULES, ConsolePage.COURIER)));
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
}
