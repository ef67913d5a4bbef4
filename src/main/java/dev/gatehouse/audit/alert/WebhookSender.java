package dev.gatehouse.audit.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Posts one alert webhook, signed as Standard Webhooks says, and answers the receiver's status. Redirects are not
 * followed (the URL the rule names is where alerts go); a call lasts at most {@code gatehouse.audit.alert.timeout}.
 * Called without a transaction: no database connection waits on a receiver.
 */
@ApplicationScoped
public class WebhookSender {

    private AlertConfig config;
    private HttpClient client;

    protected WebhookSender() {
    }

    @Inject
    public WebhookSender(AlertConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** @throws IOException when the receiver could not be reached or did not answer in time */
    public int send(URI url, String id, long timestamp, String secret, String body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Gatehouse-Alerts")
                .header("webhook-id", id)
                .header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", WebhookSignature.sign(secret, id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
