package dev.gatehouse.kernel.config;

/**
 * A capability's typed configuration bean. Implementations read and check all their keys when they are
 * created (throwing {@link InvalidConfigException}); the platform creates every one of them at start-up
 * so a bad value stops the application before it serves a request.
 */
public interface CapabilityConfig {

    /** The capability name, as in {@code gatehouse.<capability>.*}. */
    String capability();

    /** What the start-up line should say of this configuration ({@code "admin API key=configured"}), if anything. */
    default String startupSummary() {
        return null;
    }
}
