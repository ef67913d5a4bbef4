package dev.gatehouse.it.support;

import dev.gatehouse.platform.db.Releases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The WAR of a release recorded in {@code db/releases.properties}, built from its commit: the commit's tree is
 * exported with {@code git archive} into {@code target/releases/<commit>/} and packaged there with the Maven that
 * runs the tests and its local repository, tests skipped (what is already in that repository is not fetched again,
 * so this works offline once the release's dependencies are there). Built once per commit and machine: the WAR is
 * kept in {@code ~/.cache/gatehouse/releases/<commit>.war} (a commit never changes), where later runs and other
 * checkouts find it; delete it to build it again.
 */
public final class PreviousRelease {

    private static final long BUILD_MINUTES = 10;

    private PreviousRelease() {
    }

    /** The release's WAR, built now if this checkout has not built it yet. */
    public static synchronized Path war(Releases.Release release) {
        Path cached = Path.of(System.getProperty("user.home"), ".cache", "gatehouse", "releases", release.commit() + ".war");
        if (Files.exists(cached)) {
            return cached;
        }
        Path dir = Path.of("target", "releases", release.commit()).toAbsolutePath();
        Path war = dir.resolve("target").resolve("gatehouse.war");
        try {
            // a shallow clone (some CI checkouts) lacks the release's commit: then there is no earlier code to run
            Process has = new ProcessBuilder("git", "cat-file", "-e", release.commit() + "^{commit}").redirectErrorStream(true).start();
            has.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            org.junit.jupiter.api.Assumptions.assumeTrue(has.waitFor() == 0, "release " + release.name() + "'s commit "
                    + release.commit() + " is not in this clone (a shallow one?): fetch the history to run the upgrade test");
            ItServerProcess.deleteTree(dir);
            Files.createDirectories(dir);
            Path log = dir.resolveSibling(release.commit() + "-build.log");
            run(List.of("sh", "-c", "git archive --format=tar " + release.commit() + " | tar -x -C '" + dir + "'"), log,
                    "the commit of release " + release.name() + " (" + release.commit() + ") could not be exported: is it in this clone?");
            List<String> mvn = new ArrayList<>(List.of(Path.of(System.getProperty("gatehouse.it.maven.home", "/usr/share/maven"))
                    .resolve("bin").resolve("mvn").toString(), "-B", "-q", "-f", dir.resolve("pom.xml").toString(), "package",
                    "-Dmaven.test.skip=true"));
            String repo = System.getProperty("gatehouse.it.maven.repo", "");
            if (!repo.isBlank() && !repo.startsWith("$")) {
                mvn.add("-Dmaven.repo.local=" + repo);
            }
            long started = System.nanoTime();
            run(mvn, log, "the WAR of release " + release.name() + " did not build");
            System.out.println("[upgrade] built release " + release.name() + " (" + release.commit().substring(0, 12) + ") in "
                    + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s");
            if (!Files.exists(war)) {
                throw new IllegalStateException("the build of release " + release.name() + " left no " + war);
            }
            // whole or not at all: a run killed mid-copy leaves no half WAR for the next one
            Files.createDirectories(cached.getParent());
            Path copy = Files.createTempFile(cached.getParent(), release.commit(), ".part");
            Files.copy(war, copy, StandardCopyOption.REPLACE_EXISTING);
            Files.move(copy, cached, StandardCopyOption.ATOMIC_MOVE);
            return cached;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void run(List<String> command, Path log, String failure) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!p.waitFor(BUILD_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(failure + ": still running after " + BUILD_MINUTES + " minutes; see " + log);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(failure + " (exit " + p.exitValue() + "); see " + log);
        }
    }
}
