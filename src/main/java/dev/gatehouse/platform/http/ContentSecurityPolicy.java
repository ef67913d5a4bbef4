package dev.gatehouse.platform.http;

/**
 * The one Content-Security-Policy of Gatehouse's own answers (CSP Level 3). Every page is rendered on the server
 * with plain forms, one stylesheet of this server and no script, so nothing is allowed but files of the page's own
 * origin: no inline script or style, no plug-ins, no framing ({@code frame-ancestors 'none'}), no {@code <base>}.
 * <p>
 * {@code form-action} is left out on purpose: Chromium applies it to every redirect that follows a form post, and a
 * sign-in or consent form answers with a redirect to wherever the sign-in goes on to ({@code return_to}, an OAuth 2.0
 * client's {@code redirect_uri}), which is another origin by design. The forms' targets are built from the public
 * base URL on the server, never from the request.
 */
public final class ContentSecurityPolicy {

    public static final String HEADER = "Content-Security-Policy";

    private static final String VALUE = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            // data: for the QR code of an authenticator app, an SVG drawn on the server and sent in the flow's img node
            "img-src 'self' data:",
            "connect-src 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'");

    private ContentSecurityPolicy() {
    }

    /** The header's value. */
    public static String value() {
        return VALUE;
    }
}
