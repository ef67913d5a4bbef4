package dev.gatehouse.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * More Gatehouse nodes for the integration tests: separate Liberty servers ({@code <it server>-node1}, ...) created
 * from the same Liberty install with the same WAR and the integration-test server's configuration, on the same
 * database, each on an HTTP port of its own. What a cluster shares is the IT server's: the admin key, the
 * key-encryption key (its generated file) and the database (where the HMAC key is generated); the public base URL is
 * the balancer's. Settings in {@code overrides} (e.g. shorter cache lifetimes, or another database) go to every
 * node, and a node may have settings of its own (its own archive directory, say). A node may run another WAR (an
 * earlier release's) or use another database ({@link Node}). Started in parallel, each awaited on
 * {@code /health/ready}; {@link #close()} stops them all.
 */
public final class ClusterNodes implements AutoCloseable {

    private static final Pattern VARIABLE = Pattern.compile("<variable name=\"([^\"]+)\" value=\"([^\"]*)\"/>");

    private final List<ItServerProcess> servers = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();

    /**
     * What one node runs: its server's name after the IT server's ({@code <it server>-<name>}), the WAR and the JDBC
     * URL of its database.
     */
    public record Node(String name, Path war, String jdbcUrl) {

        /** A node with the IT server's WAR on the IT server's database. */
        public static Node likeTheItServer(String name) {
            ItServer it = ItServer.get();
            return new Node(name, it.serverDir().resolve("apps").resolve("gatehouse.war"), it.jdbcUrl());
        }
    }

    private ClusterNodes() {
    }

    /**
     * Creates and starts {@code count} nodes like the IT server ({@code node1}, ...) whose public base URL is
     * {@code publicBaseUrl}, and waits until all are ready. On failure, the nodes started so far are stopped.
     */
    public static ClusterNodes start(int count, String publicBaseUrl, Map<String, String> overrides, Duration timeout) {
        return start(count, publicBaseUrl, overrides, Map.of(), timeout);
    }

    /**
     * Like {@link #start(int, String, Map, Duration)}, with {@code environment} added to each node's process environment
     * (what a library the server loads reads there, or a secret that belongs in the environment, not a file).
     */
    public static ClusterNodes start(int count, String publicBaseUrl, Map<String, String> overrides, Map<String, String> environment,
                                     Duration timeout) {
        return start(likeTheItServer(count), port -> publicBaseUrl, overrides, node -> Map.of(), environment, timeout);
    }

    /**
     * Like {@link #start(int, String, Map, Duration)}, with settings of each node's own besides: {@code perNode} gets
     * the node's index (0 for {@code node1}) and answers what to add to, or replace in, {@code overrides} for it (a
     * directory of its own, say).
     */
    public static ClusterNodes start(int count, String publicBaseUrl, Map<String, String> overrides,
                                     IntFunction<Map<String, String>> perNode, Duration timeout) {
        return start(likeTheItServer(count), port -> publicBaseUrl, overrides, perNode, Map.of(), timeout);
    }

    /** {@code node1} to {@code node<count>}, each like the IT server. */
    private static List<Node> likeTheItServer(int count) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            nodes.add(Node.likeTheItServer("node" + i));
        }
        return nodes;
    }

    /** Creates and starts these nodes, and waits until all are ready. On failure, the nodes started so far are stopped. */
    public static ClusterNodes start(List<Node> specs, String publicBaseUrl, Map<String, String> overrides, Duration timeout) {
        return start(specs, port -> publicBaseUrl, overrides, node -> Map.of(), Map.of(), timeout);
    }

    /**
     * Creates and starts one node with no balancer in front, its own URL its public base URL, and waits until it is
     * ready. {@code overrides} may name another database ({@code gatehouse.db.url}, {@code gatehouse.db.user}, ...),
     * which the node migrates at start.
     */
    public static ClusterNodes startAlone(Map<String, String> overrides, Duration timeout) {
        return start(List.of(Node.likeTheItServer("node1")), port -> "http://localhost:" + port, overrides, node -> Map.of(),
                Map.of(), timeout);
    }

    private static ClusterNodes start(List<Node> specs, IntFunction<String> publicBaseUrl, Map<String, String> overrides,
                                      IntFunction<Map<String, String>> perNode, Map<String, String> environment,
                                      Duration timeout) {
        ClusterNodes nodes = new ClusterNodes();
        try {
            for (int i = 0; i < specs.size(); i++) {
                nodes.ports.add(freePort());
            }
            List<CompletableFuture<Void>> started = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                Node spec = specs.get(i);
                ItServerProcess server = new ItServerProcess(wlp(), ItServer.get().serverName() + "-" + spec.name());
                nodes.servers.add(server);
                int port = nodes.ports.get(i);
                Map<String, String> settings = new java.util.LinkedHashMap<>(overrides);
                settings.putAll(perNode.apply(i));
                started.add(CompletableFuture.runAsync(() -> createAndStart(server, spec, port, publicBaseUrl.apply(port),
                        settings, environment, timeout)));
            }
            CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).join();
            return nodes;
        } catch (RuntimeException e) {
            nodes.close();
            throw e;
        }
    }

    /** The nodes' HTTP ports, in node order. */
    public List<Integer> ports() {
        return List.copyOf(ports);
    }

    /** A node's own base URL (straight, not through the balancer). */
    public String url(int node) {
        return "http://localhost:" + ports.get(node);
    }

    /** A node's {@code messages.log}. */
    public Path messagesLog(int node) {
        return servers.get(node).serverDir().resolve("logs").resolve("messages.log");
    }

    private static Path wlp() {
        return Path.of(System.getProperty("gatehouse.it.wlp.home", "target/liberty/wlp"));
    }

    private static void createAndStart(ItServerProcess server, Node spec, int port, String publicBaseUrl,
                                       Map<String, String> overrides, Map<String, String> environment, Duration timeout) {
        ItServer it = ItServer.get();
        try {
            Path config = Files.createTempDirectory("gatehouse-node-config");
            Path from = it.serverDir();
            for (String file : List.of("server.xml", "bootstrap.properties", "jvm.options")) {
                Files.copy(from.resolve(file), config.resolve(file));
            }
            // the JIT's first tier only: a node starts with less CPU on a machine the test shares with other servers
            Files.writeString(config.resolve("jvm.options"), "\n-XX:TieredStopAtLevel=1\n-XX:+UseSerialGC\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            ItServerProcess.copyTree(from.resolve("includes"), config.resolve("includes"));
            Path overridesDir = Files.createDirectories(config.resolve("configDropins").resolve("overrides"));
            Map<String, String> variables = new java.util.LinkedHashMap<>();
            variables.put("http.port", String.valueOf(port));
            variables.put("https.port", "-1");
            // straight to PostgreSQL: the IT server's relay is for outage tests of that server alone
            variables.put("gatehouse.db.url", spec.jdbcUrl() + "?connectTimeout=5");
            variables.put("gatehouse.public.base-url", publicBaseUrl);
            variables.put("gatehouse.jwk.kek-file", from.resolve("data").resolve("jwk-kek").toString());
            variables.put("gatehouse.gateway.proxy-port", "-1");
            variables.put("otel.sdk.disabled", "true");
            variables.putAll(overrides);
            Files.writeString(overridesDir.resolve("it-server.xml"),
                    withVariables(Files.readString(from.resolve("configDropins").resolve("overrides").resolve("it-server.xml")), variables),
                    StandardCharsets.UTF_8);
            List<Path> drivers;
            try (var jars = Files.list(from.resolve("lib").resolve("jdbc"))) {
                drivers = jars.toList();
            }
            server.create(config, spec.war(), drivers);
            ItServerProcess.deleteTree(config);
            server.launch(environment);
            awaitReady(URI.create("http://localhost:" + port + "/health/ready"), timeout, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The IT server's override file with these variables set (replaced where it has them, added where not). */
    static String withVariables(String xml, Map<String, String> variables) {
        Map<String, String> left = new java.util.LinkedHashMap<>(variables);
        Matcher m = VARIABLE.matcher(xml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = left.containsKey(m.group(1)) ? escape(left.remove(m.group(1))) : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement("<variable name=\"" + m.group(1) + "\" value=\"" + value + "\"/>"));
        }
        m.appendTail(out);
        StringBuilder added = new StringBuilder();
        left.forEach((name, value) -> added.append("    <variable name=\"").append(name).append("\" value=\"").append(escape(value)).append("\"/>\n"));
        int end = out.lastIndexOf("</server>");
        return out.substring(0, end) + added + out.substring(end);
    }

    private static void awaitReady(URI ready, Duration timeout, ItServerProcess server) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("node not ready after " + timeout + " (" + last + "); see " + server.serverDir().resolve("logs"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Stops every node (in parallel), also those that did not become ready. */
    @Override
    public void close() {
        CompletableFuture.allOf(servers.stream().map(s -> CompletableFuture.runAsync(() -> {
            try {
                s.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })).toArray(CompletableFuture[]::new)).join();
    }
}
