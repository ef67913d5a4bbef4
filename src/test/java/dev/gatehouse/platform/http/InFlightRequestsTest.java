package dev.gatehouse.platform.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Busy time of the requests in flight, with waits on the client left out (so a slow client is not a wedge). */
class InFlightRequestsTest {

    private final AtomicLong now = new AtomicLong();
    private final InFlightRequests requests = new InFlightRequests(now::get);

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void busyWhenRequestsRunThenTheirAgesAndGoneOnceEnded() {
        InFlightRequests.InFlight first = requests.begin();
        advance(Duration.ofMinutes(2));
        InFlightRequests.InFlight second = requests.begin();
        advance(Duration.ofMinutes(1));

        assertEquals(2, requests.count());
        assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(3)), requests.busy().stream().sorted().toList());

        requests.end(first);
        requests.end(second);
        assertEquals(0, requests.count());
        assertTrue(requests.busy().isEmpty());
    }

    @Test
    void busyWhenWaitingOnTheClientThenNotCountedAndCountsAgainFromTheEndOfTheWait() {
        InFlightRequests.InFlight r = requests.begin();
        r.clientIoStarted();
        advance(Duration.ofMinutes(30));

        assertTrue(requests.busy().isEmpty(), "a client sending its body slowly is not a stuck server");

        r.clientIoEnded();
        advance(Duration.ofSeconds(10));
        assertEquals(List.of(Duration.ofSeconds(10)), requests.busy());
    }

    /** A container request and response whose listed methods answer; reading form parameters takes a while. */
    private static <T> T container(Class<T> type, Map<String, java.util.function.Supplier<Object>> answers) {
        return type.cast(Proxy.newProxyInstance(InFlightRequestsTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (!answers.containsKey(method.getName())) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return answers.get(method.getName()).get();
                }));
    }

    @Test
    void clientIoWhenParametersAreReadOrTheAnswerWrittenThenTheRequestWaitsOnTheClientMeanwhile() throws IOException {
        InFlightRequests.InFlight r = requests.begin();
        AtomicBoolean waitedWhileParsing = new AtomicBoolean();
        AtomicBoolean waitedWhileWriting = new AtomicBoolean();
        StringWriter written = new StringWriter();
        HttpServletRequest request = ClientIo.request(container(HttpServletRequest.class, Map.of("getParameter", () -> {
            waitedWhileParsing.set(r.waitsOnClient());
            return "alice";
        })), r);
        HttpServletResponse response = ClientIo.response(container(HttpServletResponse.class, Map.of("getWriter",
                () -> new PrintWriter(new java.io.Writer() {
                    @Override
                    public void write(char[] buf, int off, int len) {
                        waitedWhileWriting.set(r.waitsOnClient());
                        written.write(buf, off, len);
                    }

                    @Override
                    public void flush() {
                    }

                    @Override
                    public void close() {
                    }
                }))), r);

        assertEquals("alice", request.getParameter("identifier"));
        response.getWriter().write("ok");

        assertTrue(waitedWhileParsing.get(), "the container reads the form body for getParameter");
        assertTrue(waitedWhileWriting.get(), "writing to a client that reads slowly");
        assertEquals("ok", written.toString());
        assertFalse(r.waitsOnClient(), "busy again once the reads and writes returned");
    }
}
