package dev.gatehouse.gateway;

import dev.gatehouse.kernel.BodyTooLargeException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bounded, read-once request body the {@code remote} authorizer forwards and the gateway replays. */
class RequestBodyTest {

    private final AtomicInteger opened = new AtomicInteger();

    private RequestBody.Source source(byte[] bytes) {
        return () -> {
            opened.incrementAndGet();
            return new ByteArrayInputStream(bytes);
        };
    }

    @Test
    void readWhenNeverCalledThenSourceUntouchedAndNotConsumed() {
        RequestBody body = RequestBody.of(5, 10, source("hello".getBytes(StandardCharsets.UTF_8)));

        assertFalse(body.consumed());
        assertEquals(0, opened.get());
    }

    @Test
    void readWhenWithinLimitThenSameBytesEveryTimeFromOneRead() {
        byte[] json = "{\"amount\":42}".getBytes(StandardCharsets.UTF_8);
        RequestBody body = RequestBody.of(json.length, 1024, source(json));

        assertArrayEquals(json, body.read());
        assertArrayEquals(json, body.read());
        assertTrue(body.consumed());
        assertEquals(1, opened.get());
    }

    @Test
    void readWhenExactlyTheLimitThenAccepted() {
        byte[] bytes = new byte[16];

        assertEquals(16, RequestBody.of(-1, 16, source(bytes)).read().length);
    }

    @Test
    void readWhenChunkedBodyOneByteOverLimitThen413() {
        RequestBody body = RequestBody.of(-1, 16, source(new byte[17]));

        GatewayException e = assertThrows(GatewayException.class, body::read);
        assertEquals(ErrorKind.PAYLOAD_TOO_LARGE, e.kind());
        assertEquals(413, e.kind().status());
        assertFalse(body.consumed());
    }

    @Test
    void readWhenContentLengthOverLimitThen413WithoutReading() {
        RequestBody body = RequestBody.of(1_000_000, 16, source(new byte[0]));

        assertEquals(ErrorKind.PAYLOAD_TOO_LARGE, assertThrows(GatewayException.class, body::read).kind());
        assertEquals(0, opened.get());
    }

    @Test
    void readWhenRefusedOnceThenRefusedAgainWithoutReadingMore() {
        RequestBody body = RequestBody.of(-1, 4, source(new byte[10]));
        assertThrows(GatewayException.class, body::read);

        assertEquals(ErrorKind.PAYLOAD_TOO_LARGE, assertThrows(GatewayException.class, body::read).kind());
        assertEquals(1, opened.get());
    }

    @Test
    void readWhenServletBodyLimitTripsThen413() {
        RequestBody body = RequestBody.of(-1, 1024, () -> new InputStream() {
            @Override
            public int read() throws IOException {
                throw new BodyTooLargeException(8);
            }
        });

        assertEquals(ErrorKind.PAYLOAD_TOO_LARGE, assertThrows(GatewayException.class, body::read).kind());
    }

    @Test
    void readWhenClientAbortsThen400() {
        RequestBody body = RequestBody.of(-1, 1024, () -> new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        });

        assertEquals(ErrorKind.BAD_REQUEST, assertThrows(GatewayException.class, body::read).kind());
    }

    @Test
    void readWhenCallerChangesTheArrayThenBodyUnchanged() {
        RequestBody body = RequestBody.of(3, 8, source(new byte[] {1, 2, 3}));

        body.read()[0] = 9;

        assertArrayEquals(new byte[] {1, 2, 3}, body.read());
    }

    @Test
    void noneWhenReadThenEmpty() {
        assertEquals(0, RequestBody.none().read().length);
    }
}
