package dev.gatehouse.audit;

import ua_parser.CachingParser;
import ua_parser.Client;
import ua_parser.Parser;

import java.util.Locale;
import java.util.Set;

/**
 * The device behind a User-Agent: its class ({@code desktop}, {@code mobile}, {@code tablet}, {@code bot},
 * {@code other}), operating system and browser, with uap-core's maintained patterns (uap-java; parses are cached).
 * Only the families are kept, without versions beyond the major one, so a row says "Chrome 120 on Windows", not a
 * fingerprint.
 */
public final class Devices {

    /** What a User-Agent says. {@code deviceClass} is null when there was no User-Agent. */
    public record Device(String deviceClass, String os, String browser) {
        static final Device NONE = new Device(null, null, null);
    }

    private static final Set<String> DESKTOP_OS = Set.of("windows", "mac os x", "linux", "ubuntu", "fedora",
            "chrome os", "freebsd", "openbsd", "netbsd", "debian", "macos");
    private static final Set<String> MOBILE_OS = Set.of("ios", "android", "windows phone", "blackberry os",
            "kaios", "firefox os", "harmonyos");

    private final Parser parser;

    public Devices() {
        this.parser = new CachingParser();
    }

    public Device parse(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return Device.NONE;
        }
        Client c = parser.parse(userAgent);
        String device = family(c.device == null ? null : c.device.family);
        String os = family(c.os == null ? null : c.os.family);
        String browser = family(c.userAgent == null ? null : c.userAgent.family);
        if (browser != null && c.userAgent.major != null) {
            browser = browser + " " + c.userAgent.major;
        }
        return new Device(classify(device, os, userAgent), os, browser);
    }

    private static String classify(String device, String os, String userAgent) {
        String d = device == null ? "" : device.toLowerCase(Locale.ROOT);
        String o = os == null ? "" : os.toLowerCase(Locale.ROOT);
        String ua = userAgent.toLowerCase(Locale.ROOT);
        if (d.equals("spider") || ua.contains("bot") || ua.contains("crawler")) {
            return "bot";
        }
        if (d.contains("ipad") || d.contains("tablet") || d.contains("kindle")
                || (o.equals("android") && !ua.contains("mobile"))) {
            return "tablet";
        }
        if (MOBILE_OS.contains(o)) {
            return "mobile";
        }
        if (DESKTOP_OS.contains(o)) {
            return "desktop";
        }
        return "other";
    }

    private static String family(String f) {
        return f == null || f.isEmpty() || f.equals("Other") ? null : bounded(f);
    }

    private static String bounded(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64);
    }
}
