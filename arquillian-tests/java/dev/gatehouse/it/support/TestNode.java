package dev.gatehouse.it.support;

import dev.gatehouse.it.courier.CourierTestServlet;
import dev.gatehouse.it.jwk.JwkTestServlet;
import dev.gatehouse.it.oauth2.client.ClientAuthTestServlet;
import dev.gatehouse.it.oauth2.token.CodeIssuingServlet;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A second Gatehouse node in the test server, on the same database: a copy of the application plus the test
 * servlets that reach inside it (issuing codes, signing with a tenant's keys, driving the courier, checking client
 * authentication). Deployed once, by the first test that asks for it, under {@code /gatehouse-node/}, and left
 * running until the server stops: one application start for every test class that needs a second node, where a
 * deployment per class cost one start each. Deployed the way Arquillian deploys (the WAR in {@code apps}, a
 * {@code webApplication} in the configuration, which the server picks up by itself), with the classloader the main
 * application has.
 */
public final class TestNode {

    private static final String NAME = "gatehouse-node";
    private static URL url;

    private TestNode() {
    }

    /** The node's base URL ({@code http://localhost:<port>/gatehouse-node/}), deploying it first if need be. */
    public static synchronized URL url() {
        if (url == null) {
            url = deploy();
        }
        return url;
    }

    private static URL deploy() {
        ItServer server = ItServer.get();
        Path dir = server.serverDir();
        try {
            WebArchive war = ShrinkWrap.create(ZipImporter.class, NAME + ".war")
                    .importFrom(new File("target/gatehouse.war"))
                    .as(WebArchive.class)
                    .addClasses(CodeIssuingServlet.class, JwkTestServlet.class, CourierTestServlet.class, ClientAuthTestServlet.class);
            war.as(ZipExporter.class).exportTo(Files.createDirectories(dir.resolve("apps")).resolve(NAME + ".war").toFile(), true);
            Path overrides = Files.createDirectories(dir.resolve("configDropins").resolve("overrides"));
            Files.writeString(overrides.resolve(NAME + ".xml"), "<server>\n    <webApplication id=\"" + NAME + "\" name=\"" + NAME
                    + "\" location=\"" + NAME + ".war\" contextRoot=\"/" + NAME + "\">\n"
                    + "        <classloader apiTypeVisibility=\"+third-party\"/>\n    </webApplication>\n</server>\n", StandardCharsets.UTF_8);
            URL base = URI.create(server.baseUrl() + "/" + NAME + "/").toURL();
            awaitStarted(base + "it-jwk/ping-", Duration.ofMinutes(3));
            return base;
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until one of the node's own test servlets answers: a GET is 405 there (they take POSTs), where the main
     * application, which has {@code /} and so every path until the node is up, answers 404. Each probe asks for a
     * path of its own: the server remembers which application served a path, so a path asked for before the node
     * was up would stay the main application's.
     */
    private static void awaitStarted(String probePrefix, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = -1;
        URI probe = URI.create(probePrefix + "0");
        for (int attempt = 1; System.nanoTime() < deadline; attempt++) {
            probe = URI.create(probePrefix + attempt);
            try {
                last = client.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (last == 405) {
                    return;
                }
            } catch (IOException e) {
                // not answering yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            ItServer.sleep(250);
        }
        throw new IllegalStateException("the second node did not start in " + timeout + " (last answer " + last + " from "
                + probe + "); see " + ItServer.get().messagesLog());
    }
}
