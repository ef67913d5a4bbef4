package dev.gatehouse.platform.health;

import java.time.Duration;
import java.util.List;

/**
 * Whether the request path is wedged, judged from how long the requests in flight have kept Gatehouse busy. One
 * slow request is not a wedge (a big import, a slow upstream); several requests that all stopped getting anywhere
 * are: that is what a blocked log write or an exhausted connection pool looks like, and only a restart helps.
 *
 * @param inFlight    requests being served
 * @param stuck       of those, busy for longer than the threshold
 * @param longestBusy the longest busy time among them (zero when none)
 * @param live        fewer than the limit are stuck
 */
public record StuckRequests(int inFlight, int stuck, Duration longestBusy, boolean live) {

    /**
     * @param inFlight   how many requests are being served
     * @param busy       how long each request not waiting on its client has been busy
     * @param stuckAfter busy for longer than this is stuck
     * @param limit      this many stuck requests make liveness DOWN
     */
    public static StuckRequests judge(int inFlight, List<Duration> busy, Duration stuckAfter, int limit) {
        int stuck = (int) busy.stream().filter(d -> d.compareTo(stuckAfter) > 0).count();
        Duration longest = busy.stream().max(Duration::compareTo).orElse(Duration.ZERO);
        return new StuckRequests(inFlight, stuck, longest, stuck < limit);
    }
}
