package dev.gatehouse;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every package of the product says what it holds: each folder under {@code src/main/java/dev/gatehouse} that
 * holds Java classes has a {@code package-info.java} with a javadoc comment.
 */
class PackageInfoTest {

    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void everyPackageWhenItHoldsClassesThenHasAPackageInfoWithJavadoc() throws IOException {
        List<String> packages = packages();
        assertTrue(packages.size() > 10, "no packages found under " + SOURCES.toAbsolutePath());
        List<String> missing = packages.stream()
                .filter(p -> !describes(SOURCES.resolve(p.replace('.', '/')).resolve("package-info.java")))
                .toList();
        assertEquals(List.of(), missing, "these packages need a package-info.java whose javadoc says what the package holds");
    }

    private static List<String> packages() throws IOException {
        try (Stream<Path> dirs = Files.walk(SOURCES.resolve("dev/gatehouse"))) {
            return dirs.filter(Files::isDirectory)
                    .filter(PackageInfoTest::holdsClasses)
                    .map(d -> SOURCES.relativize(d).toString().replace('\\', '/').replace('/', '.'))
                    .sorted()
                    .toList();
        }
    }

    private static boolean holdsClasses(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".java")
                    && !f.getFileName().toString().equals("package-info.java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean describes(Path packageInfo) {
        try {
            return Files.isRegularFile(packageInfo) && Files.readString(packageInfo).contains("/**");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
