package dev.gatehouse.gateway.engine;

import dev.gatehouse.gateway.GatewayConfig;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.RequestBody;
import dev.gatehouse.gateway.errors.ErrorAnswer;
import dev.gatehouse.gateway.errors.JsonErrorHandler;
import dev.gatehouse.gateway.port.LocalIntrospection;
import dev.gatehouse.gateway.rule.RejectedRequestException;
import dev.gatehouse.gateway.rule.RequestTarget;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * What the three enforcement points (decisions API, servlet filter, reverse proxy) share: turning a
 * servlet request into a {@link GatewayRequest} (refusing a target that cannot be judged safely with 400
 * and its reason before any rule is consulted; the body stays unread until a handler needs it), deciding,
 * and writing a denial.
 */
@ApplicationScoped
public class Enforcement {

    @Inject
    DecisionEngine engine;
    @Inject
    DecisionLog log;
    @Inject
    GatewayConfig config;
    @Inject
    LocalIntrospection tokenServer;

    /** A decision and the request it was made for (null when the request was refused before matching). */
    public record Evaluation(GatewayRequest request, Decision decision) {
    }

    /** The parts of the request being decided, wherever the enforcement point reads them from. */
    public record Target(String method, String scheme, String host, String rawUri) {
    }

    public Evaluation evaluate(TenantId tenant, HttpServletRequest servlet, Target t, String clientIp, List<String> skipHeaders) {
        GatewayRequest request;
        try {
            String raw = t.rawUri() == null ? "/" : t.rawUri();
            int q = raw.indexOf('?');
            String query = q < 0 ? "" : raw.substring(q + 1);
            request = GatewayRequest.from(tenant, servlet, target(t), query, clientIp, skipHeaders, tokenServer.issuer(servlet),
                    RequestBody.of(servlet, config.remoteMaxBodySize()));
        } catch (RejectedRequestException e) {
            return refused(e, t, clientIp);
        } catch (GatewayException e) {
            log.rejected(e.reason(), t.rawUri(), clientIp);
            return new Evaluation(null, new Decision.Denied(null, e));
        }
        return new Evaluation(request, engine.decide(request));
    }

    /**
     * The refusal of a target that cannot be judged safely, with its decision event; empty when the target
     * is fine (nothing is decided then). For requests the servlet container refused before an enforcement
     * point saw them.
     */
    public Optional<Evaluation> refusal(Target t, String clientIp) {
        try {
            target(t);
            return Optional.empty();
        } catch (RejectedRequestException e) {
            return Optional.of(refused(e, t, clientIp));
        }
    }

    private static RequestTarget target(Target t) {
        String raw = t.rawUri() == null ? "/" : t.rawUri();
        int q = raw.indexOf('?');
        return RequestTarget.of(t.method(), t.scheme(), t.host(), q < 0 ? raw : raw.substring(0, q));
    }

    private Evaluation refused(RejectedRequestException e, Target t, String clientIp) {
        log.rejected(e.reason().text(), t.rawUri(), clientIp);
        return new Evaluation(null, new Decision.Denied(null, GatewayException.refused(e.reason())));
    }

    /** Writes the error handler's answer to a denied request. */
    public void deny(Evaluation evaluation, HttpServletResponse response) throws IOException {
        Decision.Denied denied = (Decision.Denied) evaluation.decision();
        ErrorAnswer answer = evaluation.request() == null
                ? JsonErrorHandler.answer(denied.error())
                : engine.answer(denied, evaluation.request());
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        if (!answer.body().isEmpty()) {
            response.setContentType(answer.contentType());
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(answer.body());
        }
    }

    /**
     * True when a header value is safe to put on the wire: no CR, LF or other control characters, and nothing
     * beyond ISO-8859-1, which HTTP/1.1 clients and containers write as {@code ?} (two different subjects would
     * reach an upstream as the same value).
     */
    public static boolean safeHeaderValue(String value) {
        return value.chars().noneMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f || c > 0xff);
    }
}
