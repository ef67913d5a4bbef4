package dev.gatehouse.courier.delivery;

import dev.gatehouse.courier.ClaimedMessage;
import dev.gatehouse.courier.SmsGatewayConfig;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.platform.jsonnet.Jsonnet;
import dev.gatehouse.platform.jsonnet.JsonnetException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import scala.Option;
import scala.util.Either;
import sjsonnet.Importer;
import sjsonnet.ResolvedFile;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends one SMS through the configured HTTP gateway, as Kratos' courier {@code http} channel does: the request body
 * is the jsonnet template evaluated with {@code ctx} = {@code {recipient, template_type, template_data, body}}, sent
 * with the configured method, headers and authentication; a 2xx answer is success, anything else a failure the
 * sender retries. The body, the text and the credentials never appear in an exception message (the sender logs
 * those): a failing template is reported by its position only, a refusing gateway by its status only.
 */
@ApplicationScoped
public class SmsGateway {

    private static final Pattern POSITION = Pattern.compile("([^\\s/()]+\\.jsonnet:\\d+(?::\\d+)?)");

    private SmsGatewayConfig config;
    private HttpClient client;

    protected SmsGateway() {
    }

    @Inject
    public SmsGateway(SmsGatewayConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A delivery that did not happen; its message is safe to log and store. */
    public static final class SmsFailure extends Exception {
        private static final long serialVersionUID = 1L;

        SmsFailure(String message) {
            super(message, null, false, false);
        }
    }

    public void send(ClaimedMessage m) throws SmsFailure {
        if (!config.sends()) {
            throw new SmsFailure("no SMS gateway configured");
        }
        String body = body(m);
        HttpRequest.Builder request = HttpRequest.newBuilder(config.url()).timeout(config.timeout())
                .method(config.method(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (config.headers().keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            request.header("Content-Type", "application/json");
        }
        config.headers().forEach(request::header);
        switch (config.authType()) {
            case BASIC_AUTH -> request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((config.user() + ":" + config.password()).getBytes(StandardCharsets.UTF_8)));
            case API_KEY -> {
                if (config.keyIn() == SmsGatewayConfig.KeyIn.COOKIE) {
                    request.header("Cookie", config.keyName() + "=" + config.keyValue());
                } else {
                    request.header(config.keyName(), config.keyValue());
                }
            }
            case NONE -> { }
        }
        HttpResponse<Void> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new SmsFailure("the SMS gateway did not answer within " + Jsonnet.words(config.timeout()));
        } catch (IOException e) {
            throw new SmsFailure("the SMS gateway could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsFailure("interrupted while sending to the SMS gateway");
        }
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            throw new SmsFailure("the SMS gateway answered " + response.statusCode());
        }
    }

    /** The request body: the template evaluated with the message as {@code ctx}. */
    public String body(ClaimedMessage m) throws SmsFailure {
        JsonObject ctx = JsonP.createObjectBuilder()
                .add("recipient", m.recipient())
                .add("template_type", m.template())
                .add("template_data", templateData(m))
                .add("body", m.text())
                .build();
        String template;
        try {
            template = config.bodyTemplate();
        } catch (IllegalStateException e) {
            throw new SmsFailure(e.getMessage());
        }
        try {
            Either<String, String> result = Jsonnet.bounded(() -> evaluate(template, ctx), config.timeout());
            if (result.isLeft()) {
                throw new SmsFailure("the SMS request body template failed" + position(result.left().get()));
            }
            return result.right().get();
        } catch (JsonnetException e) {
            throw new SmsFailure("the SMS request body template " + e.reason());
        }
    }

    private Either<String, String> evaluate(String template, JsonObject ctx) {
        try {
            return Jsonnet.interpret(template, config.bodyPath(), NO_IMPORTS, Map.of(), Map.of("ctx", ctx.toString()));
        } catch (StackOverflowError e) {
            return scala.util.Left.apply("recursion too deep");
        }
    }

    private static JsonValue templateData(ClaimedMessage m) {
        if (m.templateData() == null || m.templateData().isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (var reader = JsonP.createReader(new StringReader(m.templateData()))) {
            return reader.readObject();
        }
    }

    /** Where in the template the error is (file and line), without its text: that may quote the message. */
    private static String position(String error) {
        Matcher at = POSITION.matcher(error);
        return at.find() ? " at " + at.group(1) : "";
    }

    /** The body template imports nothing: it is one file. */
    private static final Importer NO_IMPORTS = new Importer() {
        @Override
        public Option<sjsonnet.Path> resolve(sjsonnet.Path docBase, String importName) {
            return Option.empty();
        }

        @Override
        public Option<ResolvedFile> read(sjsonnet.Path path) {
            return Option.empty();
        }
    };
}
