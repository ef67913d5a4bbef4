package dev.gatehouse.platform.db;

import dev.gatehouse.kernel.log.LogText;
import dev.gatehouse.kernel.log.Redactor;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The guard every timer-driven database job needs: a tick does nothing until the schema is migrated or while
 * the previous tick of the same job still runs, and a failure is logged as one redacted line (no stack trace,
 * no secret) and left for the next tick. One per job, held by the singleton bean that owns the timer.
 */
public final class PeriodicJob {

    private final AtomicBoolean running = new AtomicBoolean();
    private final Logger log;
    private final String what;

    /** @param what how the log names the job, e.g. "Key rotation check" */
    public PeriodicJob(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    /** The work of one tick; it may throw what its transactions throw. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    public void tick(DatabaseMigrator migrator, Work job) {
        if (!migrator.isMigrated() || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            job.run();
        } catch (Exception e) {
            log.warning(what + " failed: " + Redactor.text(LogText.bounded(String.valueOf(e.getMessage()), 512))
                    + "; trying again at the next interval");
        } finally {
            running.set(false);
        }
    }
}
