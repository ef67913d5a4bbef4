package dev.gatehouse.courier.ui;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who may see the dev outbox page, which shows codes and links in clear text: only the demo run, and only
 * a browser on the same machine. The peer address of the socket must be loopback, and a request that
 * carries forwarding headers is refused too, because behind a reverse proxy on the same host every
 * request would come from loopback.
 */
public final class OutboxAccess {

    private OutboxAccess() {
    }

    public static boolean allowed(boolean demoEnabled, String remoteAddress, boolean forwarded) {
        return demoEnabled && !forwarded && isLoopback(remoteAddress);
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isEmpty() || !address.matches("[0-9A-Fa-f:.%\\[\\]]+")) {
            return false; // only literal addresses: never resolve a name
        }
        try {
            return InetAddress.getByName(address.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
