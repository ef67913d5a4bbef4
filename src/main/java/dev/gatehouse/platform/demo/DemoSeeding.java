package dev.gatehouse.platform.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Fired once at start-up when the demo is on and the schema is in place. Each capability observes it,
 * seeds its demo data idempotently, and reports exactly what it seeded (or found already there), which
 * is then logged as one block.
 */
public final class DemoSeeding {

    private final List<String> lines = new ArrayList<>();

    public synchronized void seeded(String what) {
        lines.add(what);
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
