package dev.gatehouse.platform.http;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The requests this node is serving right now, and for each how long Gatehouse has been busy with it: time spent
 * waiting on the client (reading its body, writing the answer to it) does not count, so a client that sends or
 * reads slowly is not mistaken for a server that is stuck. Fed by {@link RequestWatchFilter}; read by the
 * liveness check.
 */
@ApplicationScoped
public class InFlightRequests {

    private final Set<InFlight> requests = ConcurrentHashMap.newKeySet();
    private final LongSupplier nanoTime;

    public InFlightRequests() {
        this(System::nanoTime);
    }

    /** @param nanoTime a monotonic clock in nanoseconds (tests pass their own) */
    public InFlightRequests(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    public InFlight begin() {
        InFlight r = new InFlight(nanoTime);
        requests.add(r);
        return r;
    }

    public void end(InFlight request) {
        requests.remove(request);
    }

    public int count() {
        return requests.size();
    }

    /** How long each request not waiting on its client right now has been busy since it last did. */
    public List<Duration> busy() {
        long now = nanoTime.getAsLong();
        List<Duration> out = new ArrayList<>();
        for (InFlight r : requests) {
            r.busyAt(now).ifPresent(out::add);
        }
        return out;
    }

    /** One request in flight. Client I/O may nest (a reader over the stream), so it is counted. */
    public static final class InFlight {

        private final LongSupplier nanoTime;
        private final AtomicInteger clientIo = new AtomicInteger();
        private volatile long busySince;

        private InFlight(LongSupplier nanoTime) {
            this.nanoTime = nanoTime;
            this.busySince = nanoTime.getAsLong();
        }

        /** Gatehouse now waits on the client (a read of the request or a write of the answer). */
        public void clientIoStarted() {
            clientIo.incrementAndGet();
        }

        /** The wait on the client is over: busy time counts again from now. */
        public void clientIoEnded() {
            busySince = nanoTime.getAsLong();
            clientIo.decrementAndGet();
        }

        public boolean waitsOnClient() {
            return clientIo.get() > 0;
        }

        private java.util.Optional<Duration> busyAt(long now) {
            return waitsOnClient() ? java.util.Optional.empty() : java.util.Optional.of(Duration.ofNanos(now - busySince));
        }
    }
}
