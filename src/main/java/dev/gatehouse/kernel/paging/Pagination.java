package dev.gatehouse.kernel.paging;

import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.problem.ApiException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Ory-style pagination parameters: {@code page_size} (1..{@link #MAX_SIZE}) and an opaque
 * {@code page_token} naming where the next page starts.
 *
 * @param size   how many items
 * @param offset where to start
 */
public record Pagination(int size, int offset) {

    public static final int DEFAULT_SIZE = 250;
    public static final int MAX_SIZE = 1000;

    public static Pagination parse(String pageSize, String pageToken) {
        int size = DEFAULT_SIZE;
        if (pageSize != null) {
            try {
                size = Integer.parseInt(pageSize);
            } catch (NumberFormatException e) {
                throw ApiException.invalid("page_size", "must be a whole number");
            }
            if (size < 1 || size > MAX_SIZE) {
                throw ApiException.invalid("page_size", "must be between 1 and " + MAX_SIZE);
            }
        }
        int offset = 0;
        if (pageToken != null && !pageToken.isEmpty()) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
                if (!decoded.startsWith("o:")) {
                    throw new IllegalArgumentException();
                }
                offset = Integer.parseInt(decoded.substring(2));
                if (offset < 0) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("page_token", "is not a page token issued by this server");
            }
        }
        return new Pagination(size, offset);
    }

    /** The token of the page after this one. */
    public String nextToken() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("o:" + (offset + size)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The answer to a list request: the first {@link #size()} of {@code fetched} as a JSON array and, when
     * {@code fetched} holds more (fetch {@code size + 1} to know), a {@code Link: <...>; rel="next"} header
     * (RFC 8288) that is the request's own URI with the next page token.
     */
    public <T> Response answer(List<T> fetched, Function<? super T, ? extends JsonValue> toJson, UriBuilder requestUri) {
        JsonArrayBuilder items = JsonP.createArrayBuilder();
        fetched.stream().limit(size).map(toJson).forEach(items::add);
        Response.ResponseBuilder answer = Response.ok(items.build());
        if (fetched.size() > size) {
            answer.header("Link", "<" + requestUri.replaceQueryParam("page_token", nextToken())
                    .replaceQueryParam("page_size", size).build() + ">; rel=\"next\"");
        }
        return answer.build();
    }
}
