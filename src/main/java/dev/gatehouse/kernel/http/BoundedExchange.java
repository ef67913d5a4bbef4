package dev.gatehouse.kernel.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One outbound HTTP call to a server someone else runs (a client's {@code jwks_uri}, a rule's remote endpoint),
 * bounded in both ways such a server can hold us: the whole exchange, headers <em>and</em> body, within one
 * deadline ({@link HttpRequest#timeout} alone only covers the headers, so a server that then trickles or stalls
 * would hold the thread), and at most {@code maxBytes} of body kept in memory.
 */
public final class BoundedExchange {

    /** The answer; {@code tooLarge} when the body went past the limit (then {@code body} is cut there). */
    public record Answer(int status, HttpHeaders headers, byte[] body, boolean tooLarge) {
    }

    private BoundedExchange() {
    }

    /**
     * @throws HttpTimeoutException when the whole answer did not arrive within {@code timeout}
     * @throws IOException          when the call failed
     */
    public static Answer send(HttpClient client, HttpRequest request, int maxBytes, Duration timeout)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<Limited>> call = client.sendAsync(request, info -> new LimitedBody(maxBytes));
        try {
            HttpResponse<Limited> r = call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return new Answer(r.statusCode(), r.headers(), r.body().bytes(), r.body().tooLarge());
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            call.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    private record Limited(byte[] bytes, boolean tooLarge) {
    }

    /** Keeps at most {@code max} bytes; past them it stops the transfer and answers what it has. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<Limited> {

        private final int max;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<Limited> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        LimitedBody(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<Limited> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : buffers) {
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
            if (bytes.size() > max) {
                subscription.cancel();
                result.complete(new Limited(Arrays.copyOf(bytes.toByteArray(), max), true));
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(new Limited(bytes.toByteArray(), false));
        }
    }
}
