package dev.gatehouse.kernel.problem;

import dev.gatehouse.kernel.RequestAttributes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes a problem document straight to a servlet response, for the filters that answer before
 * JAX-RS is reached (tenant resolution, admin authentication, body limits).
 */
public final class ProblemWriter {

    private ProblemWriter() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, ApiError error, String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(ProblemFactory.status(error));
        response.setContentType(ProblemFactory.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        String retryAfter = ProblemFactory.retryAfter(error);
        if (retryAfter != null) {
            response.setHeader("Retry-After", retryAfter);
        }
        String requestId = (String) request.getAttribute(RequestAttributes.REQUEST_ID);
        Object original = request.getAttribute("jakarta.servlet.error.request_uri");
        String instance = original != null ? original.toString() : request.getRequestURI();
        String body = ProblemFactory.problem(error, detail, instance, requestId).toString();
        Writer w = response.getWriter();
        w.write(body);
        w.flush();
    }
}
