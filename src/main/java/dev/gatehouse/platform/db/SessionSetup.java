package dev.gatehouse.platform.db;

import dev.gatehouse.platform.trace.JpaJdbcSpans;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Login;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.server.ConnectionPool;
import org.eclipse.persistence.sessions.server.Server;

/**
 * EclipseLink's session as Gatehouse runs it ({@code eclipselink.session.customizer} in {@code persistence.xml}).
 * A read that failed on a lost connection is tried again once, at once, on a fresh connection: that is what a pooled
 * connection left over from before a database restart or failover needs. EclipseLink's default, three more tries
 * five seconds apart, kept a request for about ten seconds while the database was away (down, restarting, with no
 * primary during a failover) before its 503, and readiness as long before it said so. Then the JDBC spans
 * ({@link JpaJdbcSpans}).
 */
public class SessionSetup implements SessionCustomizer {

    static final int READ_RETRIES = 1;
    static final int RETRY_DELAY_MILLIS = 0;

    @Override
    public void customize(Session session) throws Exception {
        retryOnceAtOnce(session.getDatasourceLogin());
        if (session instanceof Server server) {
            ConnectionPool read = server.getReadConnectionPool();
            if (read != null) {
                retryOnceAtOnce(read.getLogin());
            }
        }
        new JpaJdbcSpans().customize(session);
    }

    private static void retryOnceAtOnce(Login login) {
        if (login instanceof DatabaseLogin l) {
            l.setQueryRetryAttemptCount(READ_RETRIES);
            l.setDelayBetweenConnectionAttempts(RETRY_DELAY_MILLIS);
        }
    }
}
