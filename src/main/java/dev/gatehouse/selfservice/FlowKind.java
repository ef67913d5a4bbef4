package dev.gatehouse.selfservice;

import java.util.Locale;

/** Which self-service flow. */
public enum FlowKind {
    LOGIN(4010001),
    REGISTRATION(4040001),
    SETTINGS(4050001),
    RECOVERY(4060005),
    VERIFICATION(4070005);

    private final long expiredMessageId;

    FlowKind(long expiredMessageId) {
        this.expiredMessageId = expiredMessageId;
    }

    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    public long expiredMessageId() {
        return expiredMessageId;
    }
}
