package dev.gatehouse.gateway;

import dev.gatehouse.kernel.BodyTooLargeException;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.InputStream;

/**
 * The body of the request being decided, read only if a handler asks for it (the {@code remote} authorizer
 * does, as Oathkeeper's does): then read whole, at most {@code limit} bytes
 * ({@code gatehouse.gateway.remote.max-body-size}), and kept, so the enforcement point can pass the same
 * bytes on to the upstream or to the servlet behind the filter. A body nobody asked for is never touched
 * and keeps streaming. Belongs to one request and its thread; not shared.
 *
 * <pre>
 *   unread ──read()──▶ held (bytes)         consumed() = true: replay the bytes
 *          └────────▶ refused (413 / 400)   the request is denied; nothing is forwarded
 * </pre>
 */
public final class RequestBody {

    /** Where the bytes come from (the servlet input stream); opened at most once. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    private final long declaredLength;
    private final long limit;
    private final Source source;
    private byte[] bytes;
    private GatewayException refused;

    private RequestBody(long declaredLength, long limit, Source source) {
        if (limit < 0 || limit > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("limit must be between 0 and " + (Integer.MAX_VALUE - 16));
        }
        this.declaredLength = declaredLength;
        this.limit = limit;
        this.source = source;
    }

    /**
     * @param declaredLength the request's Content-Length, -1 when unknown (chunked)
     * @param limit          the most bytes that will be read
     */
    public static RequestBody of(long declaredLength, long limit, Source source) {
        return new RequestBody(declaredLength, limit, source);
    }

    /** The servlet request's body, nothing read yet. */
    public static RequestBody of(HttpServletRequest request, long limit) {
        return of(request.getContentLengthLong(), limit, request::getInputStream);
    }

    /** No body (a request built without one, as in tests and benchmarks). */
    public static RequestBody none() {
        return of(0, 0, InputStream::nullInputStream);
    }

    /**
     * The whole body (a copy; empty for a request without one), read from the source on the first call.
     *
     * @throws GatewayException payload too large when it is longer than the limit (said by Content-Length,
     *                          or found while reading); bad request when it cannot be read
     */
    public byte[] read() {
        if (refused != null) {
            throw refused;
        }
        if (bytes == null) {
            try {
                bytes = readBounded();
            } catch (GatewayException e) {
                refused = e;
                throw e;
            }
        }
        return bytes.clone();
    }

    /** True once the body was read: the source is spent and whoever passes the request on must send {@link #read()}. */
    public boolean consumed() {
        return bytes != null;
    }

    private byte[] readBounded() {
        if (declaredLength > limit) {
            throw tooLarge();
        }
        try {
            InputStream in = source.open();
            byte[] b = in.readNBytes((int) limit + 1);
            if (b.length > limit) {
                throw tooLarge();
            }
            return b;
        } catch (BodyTooLargeException e) {
            throw tooLarge();
        } catch (IOException e) {
            throw new GatewayException(ErrorKind.BAD_REQUEST, "request body could not be read: " + e.getClass().getSimpleName());
        }
    }

    private GatewayException tooLarge() {
        return new GatewayException(ErrorKind.PAYLOAD_TOO_LARGE, "request body is larger than " + limit + " bytes");
    }
}
