package dev.gatehouse.platform.trace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.jdbc.datasource.JdbcTelemetry;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * A data source whose connections come through OpenTelemetry's JDBC instrumentation once there is one
 * ({@link JdbcSpans}) and a span is current on the calling thread (a request's), and straight from the container's
 * otherwise.
 */
final class LazilyTracedDataSource implements DataSource {

    private final DataSource container;
    private final Supplier<JdbcTelemetry> telemetry;
    private volatile JdbcTelemetry wrappedWith;
    private volatile DataSource wrapped;

    LazilyTracedDataSource(DataSource container, Supplier<JdbcTelemetry> telemetry) {
        this.container = container;
        this.telemetry = telemetry;
    }

    private DataSource current() {
        JdbcTelemetry now = telemetry.get();
        // only inside a request's trace: a background job's polls (the courier's, the audit writer's) would
        // otherwise be a trace of their own every few hundred milliseconds
        if (now == null || !Span.current().getSpanContext().isValid()) {
            return container;
        }
        if (now != wrappedWith) {
            wrapped = now.wrap(container);
            wrappedWith = now;
        }
        return wrapped;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return current().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return current().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return container.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        container.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        container.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return container.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return container.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : container.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || container.isWrapperFor(type);
    }
}
