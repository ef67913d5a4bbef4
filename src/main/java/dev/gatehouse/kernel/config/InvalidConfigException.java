package dev.gatehouse.kernel.config;

/**
 * A configuration value that cannot be used. Its message is one line that names the key, the
 * environment variable that sets it, and what is wrong; secret values are never echoed.
 */
public class InvalidConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String problem;

    public InvalidConfigException(String key, String shownValue, String problem) {
        super("Invalid configuration: " + key + " (environment " + ConfigReader.envName(key) + ")"
                + (shownValue == null ? "" : " = \"" + shownValue + "\"") + ": " + problem, null, false, false);
        this.key = key;
        this.problem = problem;
    }

    public String key() {
        return key;
    }

    /** What is wrong with the value, without the key or the value ({@code "must be between 1 and 4096"}). */
    public String problem() {
        return problem;
    }
}
