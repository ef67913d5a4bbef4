package dev.gatehouse.platform.http;

import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Refuses what no endpoint can take before any of them tries ({@link RequestSyntax}): a method nobody serves
 * (405), a query string with a broken %-escape or a NUL, an Accept q that is not a number, a Content-Type with an
 * unclosed quote (400) or an unknown charset (415), an X-Forwarded-Proto that is not a scheme. Form parameters
 * are decoded later, by whoever asks: the request is wrapped so a form that cannot be decoded, or holds a NUL,
 * is an {@link ApiException} (400) instead of the container's exception (500).
 */
public class MalformedRequestFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Pattern DECISIONS = Pattern.compile("(/t/[^/]+)?/decisions(/.*)?");
    private static final String ALLOW = String.join(", ", RequestSyntax.METHODS);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!RequestSyntax.knownMethod(request.getMethod()) && !DECISIONS.matcher(path).matches()) {
            response.setHeader("Allow", ALLOW);
            ProblemWriter.write(request, response, ApiError.METHOD_NOT_ALLOWED, "Gatehouse does not serve this method");
            return;
        }
        Optional<RequestSyntax.Refusal> refusal = RequestSyntax.query(request.getQueryString())
                .or(() -> RequestSyntax.accept(request.getHeader("Accept")))
                .or(() -> RequestSyntax.contentType(request.getHeader("Content-Type")))
                .or(() -> RequestSyntax.forwardedProto(request.getHeader("X-Forwarded-Proto")));
        if (refusal.isPresent()) {
            ProblemWriter.write(request, response, refusal.get().error(), refusal.get().detail());
            return;
        }
        chain.doFilter(new DecodedParameters(request), response);
    }

    /** Parameter access that turns the container's decoding failures, and NUL characters, into a 400. */
    private static final class DecodedParameters extends HttpServletRequestWrapper {

        DecodedParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            String value = decoded(() -> super.getParameter(name));
            return value == null ? null : noNul(value);
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = decoded(() -> super.getParameterValues(name));
            if (values != null) {
                for (String v : values) {
                    noNul(v);
                }
            }
            return values;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> map = decoded(super::getParameterMap);
            map.forEach((name, values) -> {
                noNul(name);
                for (String v : values) {
                    noNul(v);
                }
            });
            return map;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        private static <T> T decoded(Supplier<T> parameters) {
            try {
                return parameters.get();
            } catch (IllegalArgumentException | IllegalStateException e) {
                // Liberty: a broken %-escape in the form, or more fields than it takes
                throw ApiException.malformed("The form could not be decoded: a broken %-escape, or too many fields");
            }
        }

        private static String noNul(String s) {
            if (s != null && s.indexOf('\0') >= 0) {
                throw ApiException.malformed("A form field holds a NUL character");
            }
            return s;
        }
    }
}
