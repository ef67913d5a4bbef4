package dev.gatehouse.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL primary and its hot standby, made with the machine's own PostgreSQL programs ({@code initdb},
 * {@code pg_basebackup -R}, {@code pg_ctl}) on free ports, their data under {@code dir}: what an operator runs for
 * failover, small. The standby streams from the primary synchronously ({@code synchronous_standby_names} names it,
 * {@code synchronous_commit=on}), so a commit the primary acknowledged is on the standby too. Run as the
 * {@code postgres} user when the tests run as root ({@code initdb} refuses root). {@link #close()} stops both at once
 * ({@code -m immediate}) and removes their data, leaving their logs.
 */
public final class ReplicatedPostgres implements AutoCloseable {

    /** The standby's name on the primary ({@code application_name}), which synchronous replication waits for. */
    public static final String STANDBY_NAME = "gatehouse_standby";
    private static final String USER = "postgres";
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);

    private final Path bin;
    private final Path dir;
    private final int primaryPort;
    private final int standbyPort;
    private final List<Path> started = new ArrayList<>();

    private ReplicatedPostgres(Path bin, Path dir, int primaryPort, int standbyPort) {
        this.bin = bin;
        this.dir = dir;
        this.primaryPort = primaryPort;
        this.standbyPort = standbyPort;
    }

    /** The newest PostgreSQL server programs on this machine (Debian keeps them in /usr/lib/postgresql/N/bin), if any. */
    public static Path serverPrograms() {
        Path lib = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(lib)) {
            return null;
        }
        try (var versions = Files.list(lib)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_basebackup")))
                    .max(Comparator.comparing(b -> version(b.getParent().getFileName().toString())))
                    .orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Integer version(String name) {
        return name.matches("\\d+") ? Integer.valueOf(name) : -1;
    }

    /**
     * Creates the primary with {@code database} in it, streams a base backup to the standby, starts it and turns on
     * synchronous replication; answers once the primary reports the standby as synchronous.
     */
    public static ReplicatedPostgres start(Path bin, Path dir, String database) throws IOException, InterruptedException, SQLException {
        ItServerProcess.deleteTree(dir);
        Files.createDirectories(dir);
        ReplicatedPostgres pair = new ReplicatedPostgres(bin, dir, freePort(), freePort());
        try {
            pair.giveToPostgresUser(dir);
            pair.createPrimary();
            pair.startServer(pair.primary(), pair.primaryPort);
            pair.sql(pair.primaryPort, "postgres", "CREATE DATABASE " + database);
            pair.createStandby();
            pair.startServer(pair.standby(), pair.standbyPort);
            pair.sql(pair.primaryPort, "postgres", "ALTER SYSTEM SET synchronous_standby_names = '" + STANDBY_NAME + "'",
                    "SELECT pg_reload_conf()");
            pair.awaitSynchronousStandby(Duration.ofSeconds(30));
            return pair;
        } catch (IOException | InterruptedException | SQLException | RuntimeException e) {
            pair.close();
            throw e;
        }
    }

    public int primaryPort() {
        return primaryPort;
    }

    public int standbyPort() {
        return standbyPort;
    }

    /** The primary goes away at once, as in a crash (no checkpoint, connections cut). */
    public void crashPrimary() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "stop", "-D", primary().toString(), "-m", "immediate", "-w"));
        started.remove(primary());
    }

    /** The standby becomes the primary ({@code pg_ctl promote}, waiting until it accepts writes). */
    public void promoteStandby() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "promote", "-D", standby().toString(), "-w"));
    }

    /** A JDBC connection to the server on {@code port}. */
    public Connection connect(int port, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, USER, "");
    }

    private Path primary() {
        return dir.resolve("primary");
    }

    private Path standby() {
        return dir.resolve("standby");
    }

    private void createPrimary() throws IOException, InterruptedException {
        run(List.of(bin.resolve("initdb").toString(), "-D", primary().toString(), "-U", USER, "--auth=trust",
                "--no-sync", "-E", "UTF8", "--locale=C"));
        // synchronous_standby_names comes later (ALTER SYSTEM), when the standby is there: until then every commit would wait
        Files.writeString(primary().resolve("postgresql.conf"), """

                listen_addresses = '127.0.0.1'
                unix_socket_directories = ''
                wal_level = replica
                max_wal_senders = 4
                hot_standby = on
                synchronous_commit = on
                fsync = off
                shared_buffers = 16MB
                max_connections = 60
                """, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    /** {@code pg_basebackup -R}: the primary's files and a {@code primary_conninfo} naming the standby to the primary. */
    private void createStandby() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_basebackup").toString(), "-D", standby().toString(), "-R", "-X", "stream", "--no-sync",
                "-d", "host=127.0.0.1 port=" + primaryPort + " user=" + USER + " application_name=" + STANDBY_NAME));
    }

    private void startServer(Path data, int port) throws IOException, InterruptedException {
        started.add(data);
        run(List.of(bin.resolve("pg_ctl").toString(), "start", "-D", data.toString(), "-w", "-t", "60",
                "-l", data.resolveSibling(data.getFileName() + ".log").toString(), "-o", "-p " + port));
    }

    private void awaitSynchronousStandby(Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String state = "not connected";
        while (System.nanoTime() < deadline) {
            try (Connection c = connect(primaryPort, "postgres");
                 Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT sync_state FROM pg_stat_replication WHERE application_name = '" + STANDBY_NAME + "'")) {
                if (r.next()) {
                    state = r.getString(1);
                    if ("sync".equals(state)) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the standby is not synchronous after " + timeout + " (" + state + "); see " + dir);
    }

    private void sql(int port, String database, String... statements) throws SQLException {
        try (Connection c = connect(port, database); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /** The data directories belong to the user the servers run as. */
    private void giveToPostgresUser(Path path) throws IOException, InterruptedException {
        if (asRoot()) {
            run(List.of("chown", USER + ":" + USER, path.toString()), false);
        }
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        run(command, asRoot());
    }

    private static void run(List<String> command, boolean asPostgresUser) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", USER, "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(TOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + full);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", full) + " failed (" + p.exitValue() + "): " + output);
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops whatever still runs, at once, and removes the data (the servers' logs stay beside it). */
    @Override
    public void close() {
        for (Path data : List.copyOf(started)) {
            try {
                run(List.of(bin.resolve("pg_ctl").toString(), "stop", "-D", data.toString(), "-m", "immediate", "-w"));
            } catch (IOException | RuntimeException e) {
                System.err.println("[failover] could not stop " + data + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        started.clear();
        try {
            ItServerProcess.deleteTree(primary());
            ItServerProcess.deleteTree(standby());
        } catch (IOException e) {
            System.err.println("[failover] could not remove " + dir + ": " + e);
        }
    }
}
