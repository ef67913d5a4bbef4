package dev.gatehouse.oauth2.authorize;

import dev.gatehouse.oauth2.OAuth2Error;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link BrowserStep}: a 302 with its cookies, or an HTML error page that names the error and links
 * nowhere the request chose (no redirect: the request's redirect URI is not trusted there).
 */
public final class BrowserAnswers {

    private BrowserAnswers() {
    }

    public static Response of(BrowserStep step) {
        if (step instanceof BrowserStep.Go go) {
            Response.ResponseBuilder r = Response.status(Response.Status.FOUND).location(URI.create(go.location()))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store");
            go.cookies().forEach(r::cookie);
            return r.build();
        }
        BrowserStep.ErrorPage page = (BrowserStep.ErrorPage) step;
        return errorPage(page.error(), page.description());
    }

    /** A 302 to a location of our choosing (a verifier hand-back, a built-in page). */
    public static Response redirect(String location) {
        return Response.status(Response.Status.FOUND).location(URI.create(location))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /**
     * The body goes out as bytes: RESTEasy escapes a String entity of a 400 text/html answer (its HTML sanitizer),
     * and everything dynamic here is escaped already.
     */
    public static Response errorPage(OAuth2Error error, String description) {
        return Response.status(error == OAuth2Error.SERVER_ERROR ? 500 : 400).type("text/html;charset=UTF-8")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Gatehouse</title></head><body>"
                        + "<h1>The request could not be completed</h1><p id=\"error\" data-error=\"" + escape(error.code()) + "\">"
                        + escape(error.code()) + "</p><p id=\"error_description\">" + escape(description) + "</p></body></html>")
                        .getBytes(StandardCharsets.UTF_8))
                .build();
    }

    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

}
