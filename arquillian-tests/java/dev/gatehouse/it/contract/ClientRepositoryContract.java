package dev.gatehouse.it.contract;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.oauth2.client.AccessTokenStrategy;
import dev.gatehouse.oauth2.client.ClientRepository;
import dev.gatehouse.oauth2.client.DuplicateClientException;
import dev.gatehouse.oauth2.client.OAuth2Client;
import dev.gatehouse.oauth2.client.RegisteredClient;
import dev.gatehouse.oauth2.client.TokenEndpointAuthMethod;
import dev.gatehouse.oauth2.client.TokenLifespans;
import dev.gatehouse.oauth2.client.jpa.JpaClientRepository;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link ClientRepository} must do, run against each database the product supports. */
abstract class ClientRepositoryContract extends RepositoryContract<ClientRepository> {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Override
    protected ClientRepository repository(EntityManager em) {
        return new JpaClientRepository(em);
    }

    private static RegisteredClient full(TenantId tenant, String id, String name, Instant at) {
        OAuth2Client c = new OAuth2Client(id, name, List.of("https://app.example/cb", "http://127.0.0.1:8085/callback"),
                List.of("https://app.example/bye"), Set.of("authorization_code", "refresh_token"), Set.of("code"),
                Set.of("openid", "offline_access", "email"), Set.of("https://api.example"),
                TokenEndpointAuthMethod.PRIVATE_KEY_JWT, Optional.of("{\"keys\":[]}"), Optional.empty(), true,
                AccessTokenStrategy.JWT,
                new TokenLifespans(Optional.of(Duration.ofMinutes(5)), Optional.of(Duration.ofDays(7)), Optional.empty(),
                        Optional.of(Duration.ofSeconds(90))),
                Optional.of(URI.create("https://app.example/backchannel")), true, "{\"team\":\"a\"}", at);
        return new RegisteredClient(tenant, c, Optional.of("a".repeat(64)), Optional.of("b".repeat(64)), at.plusSeconds(5));
    }

    private static RegisteredClient minimal(TenantId tenant, String id, String name, Instant at) {
        OAuth2Client c = new OAuth2Client(id, name, List.of(), List.of(), Set.of("client_credentials"), Set.of(), Set.of(),
                Set.of(), TokenEndpointAuthMethod.NONE, Optional.empty(), Optional.of(URI.create("https://app.example/jwks")),
                false, AccessTokenStrategy.OPAQUE, TokenLifespans.DEFAULTS, Optional.empty(), false, "{}", at);
        return new RegisteredClient(tenant, c, Optional.empty(), Optional.empty(), at);
    }

    @Test
    void insertThenFindReturnsEveryField() {
        RegisteredClient full = full(TenantId.DEFAULT, "full", "Full", T0);
        RegisteredClient minimal = minimal(TenantId.DEFAULT, "minimal", "", T0);
        inTx(r -> {
            r.insert(full);
            r.insert(minimal);
            return null;
        });

        assertEquals(full, inTx(r -> r.find(TenantId.DEFAULT, "full")).orElseThrow());
        assertEquals(minimal, inTx(r -> r.find(TenantId.DEFAULT, "minimal")).orElseThrow());
    }

    @Test
    void insertWhenClientIdTakenInTenantThenDuplicateButFreeInAnotherTenant() {
        inTx(r -> {
            r.insert(minimal(TenantId.DEFAULT, "app", "first", T0));
            return null;
        });

        assertThrows(DuplicateClientException.class, () -> inTx(r -> {
            r.insert(minimal(TenantId.DEFAULT, "app", "second", T0));
            return null;
        }));
        inTx(r -> {
            r.insert(minimal(OTHER, "app", "other tenant's", T0));
            return null;
        });
        assertEquals("first", inTx(r -> r.find(TenantId.DEFAULT, "app")).orElseThrow().client().clientName());
        assertEquals("other tenant's", inTx(r -> r.find(OTHER, "app")).orElseThrow().client().clientName());
    }

    @Test
    void findListUpdateDeleteWhenOtherTenantThenNotFoundAndUntouched() {
        inTx(r -> {
            r.insert(minimal(OTHER, "theirs", "Theirs", T0));
            return null;
        });

        assertTrue((boolean) inTx(r -> r.find(TenantId.DEFAULT, "theirs")).isEmpty());
        assertTrue((boolean) inTx(r -> r.list(TenantId.DEFAULT, Optional.empty(), 0, 100)).isEmpty());
        assertFalse((boolean) inTx(r -> r.update(minimal(TenantId.DEFAULT, "theirs", "Changed", T0))));
        assertFalse((boolean) inTx(r -> r.delete(TenantId.DEFAULT, "theirs")));
        assertEquals("Theirs", inTx(r -> r.find(OTHER, "theirs")).orElseThrow().client().clientName());
    }

    @Test
    void listThenRegistrationOrderPagedAndFilteredByName() {
        inTx(r -> {
            r.insert(minimal(TenantId.DEFAULT, "c", "web", T0.plusSeconds(2)));
            r.insert(minimal(TenantId.DEFAULT, "a", "cli", T0));
            r.insert(minimal(TenantId.DEFAULT, "b", "web", T0.plusSeconds(1)));
            return null;
        });

        assertEquals(List.of("a", "b", "c"), ids(inTx(r -> r.list(TenantId.DEFAULT, Optional.empty(), 0, 10))));
        assertEquals(List.of("b"), ids(inTx(r -> r.list(TenantId.DEFAULT, Optional.empty(), 1, 1))));
        assertEquals(List.of("b", "c"), ids(inTx(r -> r.list(TenantId.DEFAULT, Optional.of("web"), 0, 10))));
        assertEquals(List.of(), ids(inTx(r -> r.list(TenantId.DEFAULT, Optional.of("WEB"), 0, 10))));
    }

    private static List<String> ids(List<RegisteredClient> clients) {
        return clients.stream().map(RegisteredClient::clientId).toList();
    }

    @Test
    void updateThenEveryFieldReplacedButCreationTimeKept() {
        inTx(r -> {
            r.insert(minimal(TenantId.DEFAULT, "app", "Before", T0));
            return null;
        });
        RegisteredClient changed = full(TenantId.DEFAULT, "app", "After", T0);

        assertTrue((boolean) inTx(r -> r.update(changed)));
        assertEquals(changed, inTx(r -> r.find(TenantId.DEFAULT, "app")).orElseThrow());
        assertFalse((boolean) inTx(r -> r.update(minimal(TenantId.DEFAULT, "missing", "x", T0))));
    }

    @Test
    void deleteThenGoneWithItsAssertionIds() {
        inTx(r -> {
            r.insert(minimal(TenantId.DEFAULT, "app", "App", T0));
            return r.recordAssertionId(TenantId.DEFAULT, "app", "jti-1", T0.plusSeconds(600), T0);
        });

        assertTrue((boolean) inTx(r -> r.delete(TenantId.DEFAULT, "app")));
        assertTrue((boolean) inTx(r -> r.find(TenantId.DEFAULT, "app")).isEmpty());
        assertFalse((boolean) inTx(r -> r.delete(TenantId.DEFAULT, "app")));
        inTx(r -> {
            r.insert(minimal(TenantId.DEFAULT, "app", "Again", T0));
            return null;
        });
        assertTrue(record("app", "jti-1", T0.plusSeconds(600), T0), "a new client of the same id starts with no spent assertions");
    }

    private boolean record(String clientId, String jti, Instant expiresAt, Instant now) {
        return inTx(r -> r.recordAssertionId(TenantId.DEFAULT, clientId, jti, expiresAt, now));
    }

    @Test
    void recordAssertionIdWhenSeenBeforeThenFalseUntilItExpired() {
        inTx(r -> {
            r.insert(minimal(TenantId.DEFAULT, "app", "App", T0));
            r.insert(minimal(TenantId.DEFAULT, "other", "Other", T0));
            return null;
        });
        Instant exp = T0.plusSeconds(300);

        assertTrue(record("app", "jti-1", exp, T0));
        assertFalse(record("app", "jti-1", exp, T0.plusSeconds(10)));
        assertTrue(record("other", "jti-1", exp, T0), "per client");
        assertTrue(record("app", "jti-1", exp.plusSeconds(600), exp.plusSeconds(1)),
                "forgotten once expired (and then refused by its exp anyway)");
    }

    @Test
    void recordAssertionIdWhenAnotherNodeRecordedItMeanwhileThenFalse() {
        inTx(r -> {
            r.insert(minimal(TenantId.DEFAULT, "app", "App", T0));
            return null;
        });
        var first = db.emf().createEntityManager();
        var second = db.emf().createEntityManager();
        try {
            first.getTransaction().begin();
            second.getTransaction().begin();
            assertTrue(new JpaClientRepository(first).recordAssertionId(TenantId.DEFAULT, "app", "jti-x", T0.plusSeconds(60), T0));
            first.getTransaction().commit();
            boolean secondResult;
            try {
                secondResult = new JpaClientRepository(second).recordAssertionId(TenantId.DEFAULT, "app", "jti-x", T0.plusSeconds(60), T0);
            } catch (RuntimeException e) {
                secondResult = false;
            }
            assertFalse(secondResult);
        } finally {
            if (second.getTransaction().isActive()) {
                second.getTransaction().rollback();
            }
            first.close();
            second.close();
        }
    }
}
