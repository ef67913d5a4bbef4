package dev.gatehouse.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load balancer in front of several nodes that sends every HTTP request to the next node in turn. It reads the
 * request head only to ask the node for {@code Connection: close}, so the client opens a new connection for its
 * next request, which the balancer hands to the next node; the rest (body, answer) is relayed byte for byte, the
 * {@code Host} header included, as a TCP balancer does. It records which node served which request line.
 */
public final class RoundRobinBalancer implements AutoCloseable {

    private static final int MAX_HEAD_BYTES = 64 * 1024;

    /** One relayed request: its request line and the index of the node that served it. */
    public record Served(String requestLine, int node) {
    }

    private volatile List<Integer> nodePorts = List.of();
    private final ServerSocket server;
    private final AtomicInteger next = new AtomicInteger();
    private final List<Served> served = new ArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    /** Listens on a free loopback port at once (so nodes can be told its URL); requests wait for {@link #balance}. */
    public RoundRobinBalancer() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::accept, "balancer-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The nodes' HTTP ports; from now on requests go to them in turn. */
    public void balance(List<Integer> ports) {
        nodePorts = List.copyOf(ports);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The balancer's base URL, which the nodes have as their public base URL. */
    public String baseUrl() {
        return "http://localhost:" + port();
    }

    /** Every request relayed so far, in the order they were handed to a node. */
    public synchronized List<Served> served() {
        return List.copyOf(served);
    }

    /** How many requests each node served (by node index). */
    public synchronized int[] countsByNode() {
        int[] counts = new int[nodePorts.size()];
        served.forEach(s -> counts[s.node()]++);
        return counts;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                Thread t = new Thread(() -> relay(client), "balancer-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (client) {
            InputStream fromClient = client.getInputStream();
            byte[] head = readHead(fromClient);
            if (head == null) {
                return;
            }
            String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
            StringBuilder rewritten = new StringBuilder(lines[0]).append("\r\n");
            for (int i = 1; i < lines.length; i++) {
                String name = lines[i].substring(0, Math.max(0, lines[i].indexOf(':'))).trim().toLowerCase(Locale.ROOT);
                if (!name.equals("connection") && !name.equals("keep-alive")) {
                    rewritten.append(lines[i]).append("\r\n");
                }
            }
            rewritten.append("Connection: close\r\n\r\n");
            int node = pick(lines[0]);
            try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), nodePorts.get(node))) {
                open.add(upstream);
                OutputStream toNode = upstream.getOutputStream();
                toNode.write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
                toNode.flush();
                Thread body = new Thread(() -> pipe(fromClient, toNode), "balancer-body");
                body.setDaemon(true);
                body.start();
                pipe(upstream.getInputStream(), client.getOutputStream());
            } finally {
                open.removeIf(Socket::isClosed);
            }
        } catch (IOException e) {
            // the client or the node went away: nothing left to relay
        } finally {
            open.remove(client);
        }
    }

    private synchronized int pick(String requestLine) throws IOException {
        if (nodePorts.isEmpty()) {
            throw new IOException("no nodes to balance to yet");
        }
        int node = Math.floorMod(next.getAndIncrement(), nodePorts.size());
        served.add(new Served(requestLine, node));
        return node;
    }

    /** The request head without its blank line, or null when the client closed first. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("request head too large");
            }
        }
        byte[] bytes = head.toByteArray();
        return java.util.Arrays.copyOf(bytes, bytes.length - 4);
    }

    private static void pipe(InputStream in, OutputStream out) {
        byte[] buffer = new byte[16 * 1024];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
