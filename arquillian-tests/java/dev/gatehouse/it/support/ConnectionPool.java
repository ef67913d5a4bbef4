package dev.gatehouse.it.support;

import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test server's database connection pool as an operator sees it: what Liberty's connection manager of
 * {@code jdbc/gatehouse} reports ({@code showPoolContents} of its MBean, over the local JMX connector), and, on
 * PostgreSQL, the server's sessions in {@code pg_stat_activity}.
 */
public final class ConnectionPool {

    private static final Pattern COUNT = Pattern.compile("(?m)^(size|waiting|shared|unshared)=(\\d+)$");

    private ConnectionPool() {
    }

    /**
     * The pool at one moment.
     *
     * @param size     connections the pool holds open
     * @param inUse    of those, the ones a transaction or a connection handle holds (shared and unshared)
     * @param waiting  requests waiting for a connection
     * @param contents the connection manager's own words, for failure messages
     */
    public record Snapshot(int size, int inUse, int waiting, String contents) {
    }

    public static Snapshot snapshot() {
        String contents = contents();
        int size = -1;
        int inUse = 0;
        int waiting = -1;
        Matcher m = COUNT.matcher(contents);
        while (m.find()) {
            int n = Integer.parseInt(m.group(2));
            switch (m.group(1)) {
                case "size" -> size = n;
                case "waiting" -> waiting = n;
                default -> inUse += n;
            }
        }
        if (size < 0 || waiting < 0) {
            throw new IllegalStateException("unexpected pool contents: " + contents);
        }
        return new Snapshot(size, inUse, waiting, contents);
    }

    /**
     * Waits up to {@code timeout} for a moment when no connection is in use (background jobs borrow one now and
     * then) and answers that moment, or the last snapshot seen.
     */
    public static Snapshot awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Snapshot s = snapshot();
        while (s.inUse() > 0 && System.nanoTime() < deadline) {
            ItServer.sleep(50);
            s = snapshot();
        }
        return s;
    }

    /**
     * The server's PostgreSQL sessions inside a transaction that is doing nothing ({@code idle in transaction}),
     * waiting up to {@code timeout} for a moment without one; always 0 on the embedded database.
     */
    public static int awaitNoIdleTransactions(Duration timeout) {
        ItServer server = ItServer.get();
        if (!server.usesPostgres()) {
            return 0;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.jdbcUser(), server.jdbcPassword());
             Statement s = c.createStatement()) {
            int idle = idleInTransaction(s);
            while (idle > 0 && System.nanoTime() < deadline) {
                ItServer.sleep(50);
                idle = idleInTransaction(s);
            }
            return idle;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String contents() {
        Path address = ItServer.get().serverDir().resolve("logs").resolve("state").resolve("com.ibm.ws.jmx.local.address");
        try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(Files.readString(address, StandardCharsets.UTF_8).trim()))) {
            MBeanServerConnection beans = jmx.getMBeanServerConnection();
            Set<ObjectName> managers = beans.queryNames(new ObjectName("WebSphere:type=com.ibm.ws.jca.cm.mbean.ConnectionManagerMBean,*"), null);
            ObjectName manager = managers.stream().filter(n -> "jdbc/gatehouse".equals(n.getKeyProperty("jndiName"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no connection manager of jdbc/gatehouse among " + managers));
            return String.valueOf(beans.invoke(manager, "showPoolContents", null, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int idleInTransaction(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
