package dev.gatehouse.kernel.log;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Gatehouse's loggers: a {@code java.util.logging} logger whose records carry, in Liberty's JSON log, the
 * {@code service_name} of the capability the class belongs to ({@link ServiceNames}) and the trace and span ids
 * of the work in progress ({@link TraceIds}). Use {@code Logs.of(Foo.class)} instead of {@code Logger.getLogger}.
 */
public final class Logs {

    private static final Filter CONTEXT = new ContextFilter();

    private Logs() {
    }

    public static Logger of(Class<?> type) {
        Logger logger = Logger.getLogger(type.getName());
        logger.setFilter(CONTEXT);
        return logger;
    }

    /** Runs on the logging thread just before Liberty reads the record's context fields. */
    private static final class ContextFilter implements Filter {
        @Override
        public boolean isLoggable(LogRecord record) {
            stamp(ServiceNames.ofLogger(record.getLoggerName()));
            return true;
        }
    }

    /** Puts {@code service} and the current trace and span ids on the records this thread writes next. */
    public static void stamp(String service) {
        LogContext.put(LogContext.SERVICE, service);
        TraceIds.current().ifPresentOrElse(ids -> {
            LogContext.put(LogContext.TRACE_ID, ids.traceId());
            LogContext.put(LogContext.SPAN_ID, ids.spanId());
        }, () -> {
            LogContext.remove(LogContext.TRACE_ID);
            LogContext.remove(LogContext.SPAN_ID);
        });
    }

    /** Takes what {@link #stamp} put off this thread, once its work is done. */
    public static void clear() {
        LogContext.remove(LogContext.SERVICE);
        LogContext.remove(LogContext.TRACE_ID);
        LogContext.remove(LogContext.SPAN_ID);
    }
}
