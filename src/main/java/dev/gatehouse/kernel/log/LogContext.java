package dev.gatehouse.kernel.log;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Per-thread fields (request id, tenant, service, trace and span id) that Liberty adds to every JSON log record
 * written on this thread, as {@code ext_requestId}, {@code ext_tenant}, ... ({@code liberty/includes/logging.xml}
 * renames them to {@code request_id}, {@code tenant_id}, {@code service_name}, {@code trace_id},
 * {@code span_id}). Backed by Liberty's LogRecordContext API; outside Liberty (unit tests) it does nothing.
 */
public final class LogContext {

    public static final String REQUEST_ID = "requestId";
    public static final String TENANT = "tenant";
    /** The capability that wrote the record ({@link ServiceNames}); set by {@link Logs} loggers per record. */
    public static final String SERVICE = "service";
    public static final String TRACE_ID = "traceId";
    public static final String SPAN_ID = "spanId";

    private static final Logger LOG = Logger.getLogger(LogContext.class.getName());
    private static final MethodHandle ADD;
    private static final MethodHandle REMOVE;

    static {
        MethodHandle add = null;
        MethodHandle remove = null;
        try {
            Class<?> c = Class.forName("com.ibm.websphere.logging.hpel.LogRecordContext");
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            add = lookup.findStatic(c, "addExtension", MethodType.methodType(void.class, String.class, String.class));
            remove = lookup.findStatic(c, "removeExtension", MethodType.methodType(boolean.class, String.class));
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.log(Level.FINE, "Liberty LogRecordContext not available; log context fields disabled");
        }
        ADD = add;
        REMOVE = remove;
    }

    private LogContext() {
    }

    public static void put(String key, String value) {
        if (ADD == null || value == null) {
            return;
        }
        try {
            ADD.invoke(key, value);
        } catch (Throwable e) {
            LOG.log(Level.FINE, "could not set log context field " + key, e);
        }
    }

    public static void remove(String key) {
        if (REMOVE == null) {
            return;
        }
        try {
            REMOVE.invoke(key);
        } catch (Throwable e) {
            LOG.log(Level.FINE, "could not clear log context field " + key, e);
        }
    }
}
