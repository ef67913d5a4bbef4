package dev.gatehouse.it.support;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What PostgreSQL answers while it restarts, on a port of the tests' choosing: every new connection gets the
 * protocol's {@code FATAL 57P03 the database system is starting up} and is closed. Put in place of the
 * database relay, it shows the server a database that is coming back, not one that is simply unreachable.
 */
public final class StartingPostgres implements AutoCloseable {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;

    private final ServerSocket server;
    private final Thread acceptor;

    public StartingPostgres(int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        // the relay just let go of the port; its listening socket may take a moment to be really closed
        for (long deadline = System.nanoTime() + 5_000_000_000L; ; ) {
            try {
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                break;
            } catch (java.net.BindException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                ItServer.sleep(50);
            }
        }
        acceptor = new Thread(this::accept, "starting-postgres-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(1_000);
                answer(s);
            } catch (IOException e) {
                // closed, or a client that went away: next one
            }
        }
    }

    private static void answer(Socket s) throws IOException {
        DataInputStream in = new DataInputStream(s.getInputStream());
        OutputStream out = s.getOutputStream();
        while (true) {
            int length = in.readInt();
            int code = in.readInt();
            in.skipNBytes(Math.max(0, length - 8));
            if (code == SSL_REQUEST || code == GSS_REQUEST) {
                out.write('N');
                out.flush();
                continue;
            }
            out.write(startingUp());
            out.flush();
            return;
        }
    }

    private static byte[] startingUp() {
        byte[] fields = ("SFATAL\0VFATAL\0C57P03\0Mthe database system is starting up\0\0").getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(1 + 4 + fields.length).put((byte) 'E').putInt(4 + fields.length).put(fields).array();
    }

    /** Closes the port and returns once it is free again (the relay takes it back next). */
    @Override
    public void close() throws IOException {
        server.close();
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
