package dev.gatehouse.it.contract;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.tenant.Tenant;
import dev.gatehouse.tenant.jpa.JpaTenantRepository;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A fresh, migrated database for one repository contract run, on PostgreSQL or the embedded H2, with the
 * same Flyway migrations and the same entities the server uses.
 */
public final class ContractDatabase implements AutoCloseable {

    private static volatile boolean warned;
    private static String template;

    private final String url;
    private final String user;
    private final String password;
    private final EntityManagerFactory emf;
    private final Runnable dropper;

    private ContractDatabase(String url, String user, String password, Runnable dropper, boolean migrated) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.dropper = dropper;
        if (!migrated) {
            migrate(url, user, password);
        }
        this.emf = Persistence.createEntityManagerFactory("gatehouse-contract", Map.of(
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", user,
                "jakarta.persistence.jdbc.password", password));
    }

    private static void migrate(String url, String user, String password) {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
                .placeholders(dev.gatehouse.platform.db.DatabaseMigrator.placeholders(url.startsWith("jdbc:postgresql:")
                        ? dev.gatehouse.platform.db.DatabaseConfig.Kind.POSTGRESQL : dev.gatehouse.platform.db.DatabaseConfig.Kind.EMBEDDED))
                .load().migrate();
    }

    public static ContractDatabase embedded() {
        String url = "jdbc:h2:mem:contract-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        return new ContractDatabase(url, "sa", "", () -> { }, false);
    }

    /** A new PostgreSQL database, or empty (with one loud line) when PostgreSQL is not reachable. */
    public static Optional<ContractDatabase> postgres() {
        String host = env("GATEHOUSE_IT_PG_HOST", "127.0.0.1");
        String port = env("GATEHOUSE_IT_PG_PORT", "5432");
        String user = env("GATEHOUSE_IT_PG_USER", "postgres");
        String password = env("GATEHOUSE_IT_PG_PASSWORD", "");
        String admin = "jdbc:postgresql://" + host + ":" + port + "/" + env("GATEHOUSE_IT_PG_DATABASE", "postgres") + "?connectTimeout=3";
        String base = "jdbc:postgresql://" + host + ":" + port + "/";
        String db = "gatehouse_it_" + Instant.now().getEpochSecond() + "_contract_" + UUID.randomUUID().toString().substring(0, 6);
        try (Connection c = DriverManager.getConnection(admin, user, password); Statement s = c.createStatement()) {
            String template = template(s, base, user, password, admin);
            createFrom(s, db, template);
        } catch (SQLException e) {
            if (!warned) {
                warned = true;
                System.out.println("[gatehouse-it] *** PostgreSQL NOT reachable at " + host + ":" + port
                        + " — PostgreSQL repository contract tests SKIPPED ***");
            }
            return Optional.empty();
        }
        return Optional.of(new ContractDatabase(base + db, user, password, () -> drop(admin, user, password, db), true));
    }

    /**
     * The database every PostgreSQL contract database is a copy of: made and migrated once per run, so that each
     * test still gets a fresh database but the migrations run once. Dropped when the test JVM ends (and, if that
     * never happens, with the other stale test databases at the next run).
     */
    private static synchronized String template(Statement admin, String base, String user, String password, String adminUrl)
            throws SQLException {
        if (template == null) {
            String name = "gatehouse_it_" + Instant.now().getEpochSecond() + "_contract_template_" + UUID.randomUUID().toString().substring(0, 6);
            admin.execute("CREATE DATABASE " + name);
            migrate(base + name, user, password);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(adminUrl, user, password, name)));
            template = name;
        }
        return template;
    }

    /** A copy of the template; PostgreSQL refuses while a connection to the template is still closing, so it retries. */
    private static void createFrom(Statement admin, String db, String template) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                admin.execute("CREATE DATABASE " + db + " TEMPLATE " + template);
                return;
            } catch (SQLException e) {
                if (!"55006".equals(e.getSQLState()) || attempt == 50) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static void drop(String admin, String user, String password, String db) {
        try (Connection c = DriverManager.getConnection(admin, user, password); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db);
        } catch (SQLException e) {
            System.err.println("[gatehouse-it] could not drop " + db + ": " + e.getMessage());
        }
    }

    /** A new PostgreSQL database; the test is skipped (not failed) when PostgreSQL is not reachable. */
    public static ContractDatabase postgresOrSkip() {
        Optional<ContractDatabase> db = postgres();
        org.junit.jupiter.api.Assumptions.assumeTrue(db.isPresent(), "PostgreSQL not reachable");
        return db.get();
    }

    public EntityManagerFactory emf() {
        return emf;
    }

    /** Runs the work in one resource-local transaction, committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(java.util.function.Function<jakarta.persistence.EntityManager, T> work) {
        jakarta.persistence.EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /** Adds a tenant besides the default one, for tests of tenant isolation. */
    public ContractDatabase withTenant(TenantId tenant) {
        inTransaction(em -> {
            new JpaTenantRepository(em).create(new Tenant(tenant, "Tenant " + tenant.value(), List.of(), Instant.now()));
            return null;
        });
        return this;
    }

    public Connection connection() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public void close() {
        emf.close();
        dropper.run();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
