package dev.gatehouse.platform.trace;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.jdbc.datasource.JdbcTelemetry;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;

/**
 * Spans of every database call, made by OpenTelemetry's JDBC instrumentation ({@code opentelemetry-jdbc}) around
 * Liberty's data source {@code jdbc/gatehouse}: one span per statement ({@code SELECT gatehouse.tokens}) with
 * {@code db.system}, {@code db.statement} (sanitized: literals become {@code ?}) and the table, and one per
 * connection taken from the pool. Hand JDBC gets the wrapped data source from {@link #dataSource()}
 * ({@code @Inject @Traced DataSource}); JPA gets it through {@link JpaJdbcSpans}, which EclipseLink runs before
 * any CDI bean exists, so the instrumentation is handed over in a static field once the application has started.
 * Only connections taken inside a trace (a request's) are wrapped: background jobs that poll the database do not
 * start traces of their own. With tracing off ({@code otel.sdk.disabled=true}) nothing is wrapped.
 */
@ApplicationScoped
public class JdbcSpans {

    private static volatile JdbcTelemetry telemetry;

    @Resource(lookup = "jdbc/gatehouse")
    DataSource container;

    private OpenTelemetry openTelemetry;
    private boolean disabled;

    protected JdbcSpans() {
    }

    @Inject
    public JdbcSpans(OpenTelemetry openTelemetry,
                     @ConfigProperty(name = "otel.sdk.disabled", defaultValue = "true") boolean disabled) {
        this.openTelemetry = openTelemetry;
        this.disabled = disabled;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        telemetry = disabled ? null : JdbcTelemetry.create(openTelemetry);
    }

    /** Gatehouse's data source, each call in a span while tracing is on. */
    @Produces
    @Traced
    @ApplicationScoped
    public DataSource dataSource() {
        return traced(container);
    }

    /**
     * {@code dataSource} with spans: a data source that, from the application's start on, hands out the
     * instrumentation's connections (and before it, or with tracing off, the container's own).
     */
    public static DataSource traced(DataSource dataSource) {
        return new LazilyTracedDataSource(dataSource, () -> telemetry);
    }
}
