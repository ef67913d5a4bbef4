package dev.gatehouse.selfservice;

import java.util.Locale;

/** Browser flows answer with cookies and redirects; API (native app) flows with JSON and tokens. */
public enum Flavor {
    BROWSER,
    API;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
