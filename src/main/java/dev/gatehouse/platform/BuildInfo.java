package dev.gatehouse.platform;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What was built: the version, from a file Maven filters at build time. */
@ApplicationScoped
public class BuildInfo {

    private final String version;

    public BuildInfo() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.version = p.getProperty("version", "unknown");
    }

    public String version() {
        return version;
    }
}
