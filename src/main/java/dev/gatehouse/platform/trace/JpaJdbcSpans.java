package dev.gatehouse.platform.trace;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Connector;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.server.ConnectionPool;
import org.eclipse.persistence.sessions.server.Server;

/**
 * Gives EclipseLink the data source with spans ({@link JdbcSpans#traced}) in place of the one the container
 * handed it, for its writes and for its read pool ({@code eclipselink.session.customizer} in
 * {@code persistence.xml}). The container's connections, and so their enlistment in JTA transactions, stay the
 * same: the instrumentation only wraps them.
 */
public class JpaJdbcSpans implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        wrap(session.getDatasourceLogin());
        if (session instanceof Server server) {
            ConnectionPool read = server.getReadConnectionPool();
            if (read != null && read.getLogin() != session.getDatasourceLogin()) {
                wrap(read.getLogin());
            }
        }
    }

    private static void wrap(org.eclipse.persistence.sessions.Login login) {
        if (login instanceof DatasourceLogin l) {
            Connector connector = l.getConnector();
            if (connector instanceof JNDIConnector jndi && jndi.getDataSource() != null
                    && !(jndi.getDataSource() instanceof LazilyTracedDataSource)) {
                jndi.setDataSource(JdbcSpans.traced(jndi.getDataSource()));
            }
        }
    }
}
