package dev.gatehouse.kernel.log;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Per-thread fields (request id, tenant) that Liberty adds to every JSON log record written on this
 * thread, as {@code ext_requestId} and {@code ext_tenant}. Backed by Liberty's LogRecordContext API;
 * outside Liberty (unit tests) it does nothing.
 */
public final class LogContext {

    public static final String REQUEST_ID = "requestId";
    public static final String TENANT = "tenant";

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
