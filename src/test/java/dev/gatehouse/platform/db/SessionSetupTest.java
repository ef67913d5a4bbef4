package dev.gatehouse.platform.db;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Project;
import org.eclipse.persistence.sessions.server.Server;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SessionSetupTest {

    @Test
    void customizeWhenServerSessionThenFailedReadsRetriedOnceWithoutPause() throws Exception {
        DatabaseLogin login = new DatabaseLogin();
        Server session = new Project(login).createServerSession();
        assertEquals(5000, login.getDelayBetweenConnectionAttempts(), "EclipseLink's default, which this replaces");

        new SessionSetup().customize(session);

        assertEquals(1, login.getQueryRetryAttemptCount());
        assertEquals(0, login.getDelayBetweenConnectionAttempts());
        DatabaseLogin read = (DatabaseLogin) session.getReadConnectionPool().getLogin();
        assertEquals(1, read.getQueryRetryAttemptCount());
        assertEquals(0, read.getDelayBetweenConnectionAttempts());
    }
}
