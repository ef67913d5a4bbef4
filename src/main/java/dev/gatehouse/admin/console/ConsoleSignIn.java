package dev.gatehouse.admin.console;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.jwk.JwtSigning;
import dev.gatehouse.jwk.KeySetName;
import dev.gatehouse.kernel.Ids;
import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.oauth2.Issuer;
import dev.gatehouse.oauth2.OAuth2Exception;
import dev.gatehouse.oauth2.Pkce;
import dev.gatehouse.oauth2.client.OAuth2Client;
import dev.gatehouse.oauth2.token.AccessTokenResponse;
import dev.gatehouse.oauth2.token.AuthorizationCodeGrantHandler;
import dev.gatehouse.oauth2.token.FormParameters;
import dev.gatehouse.oauth2.token.TokenCall;
import dev.gatehouse.oauth2.token.TokenResponse;
import dev.gatehouse.platform.http.PublicUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The console signs its users in as any OpenID Connect relying party of Gatehouse would, so they get the token
 * server's login (with MFA, step-up, lockouts and its security events): {@link #start} sends the browser to the
 * tenant's authorize endpoint with {@code state}, {@code nonce} and a PKCE S256 challenge; {@link #finish} checks the
 * {@code state}, redeems the code in process through the same grant handler the token endpoint uses (so no call
 * goes out over the network, and the verifier never leaves the server), verifies the ID token (signature by the
 * tenant's ID-token keys, issuer, audience, expiry, nonce), and reads the console role from the identity's
 * admin metadata.
 */
@ApplicationScoped
public class ConsoleSignIn {

    /** The console's callback, below the tenant's base URL. */
    public static final String CALLBACK = ConsolePage.BASE + "callback";

    @Inject
    ConsoleClients clients;
    @Inject
    AuthorizationCodeGrantHandler codes;
    @Inject
    JwtSigning signing;
    @Inject
    Issuer issuer;
    @Inject
    IdentityService identities;
    @Inject
    CurrentTenant tenant;
    @Inject
    SecurityEvents events;
    @Inject
    Clock clock;

    /** How a callback ended. */
    public sealed interface Result permits SignedIn, Refused {
    }

    /** Signed in; {@code returnTo} is the console path the user first asked for. */
    public record SignedIn(ConsoleUser user, String returnTo) implements Result {
    }

    /** Not signed in; {@code noRole} when the identity is fine but holds no console role. */
    public record Refused(String reason, boolean noRole) implements Result {
    }

    /** The authorize URL to send the browser to, the sign-in kept in the session until it comes back. */
    public String start(HttpServletRequest request, String returnTo) {
        String callback = PublicUrls.of(request, CALLBACK);
        OAuth2Client client = clients.ensure(tenant.id(), callback);
        ConsoleSessions.Pending pending = new ConsoleSessions.Pending(Ids.token(), Ids.token(), Ids.token(32), returnTo);
        ConsoleSessions.begin(request, tenant.id().value(), pending);
        return PublicUrls.of(request, "/oauth2/auth") + "?response_type=code&client_id=" + encode(client.clientId())
                + "&redirect_uri=" + encode(callback) + "&scope=openid&state=" + pending.state() + "&nonce=" + pending.nonce()
                + "&code_challenge=" + Pkce.s256(pending.verifier()) + "&code_challenge_method=S256";
    }

    /** The browser is back at the callback with {@code code} and {@code state} (or an error). */
    public Result finish(HttpServletRequest request, String code, String state, String error) {
        String tenantId = tenant.id().value();
        Optional<ConsoleSessions.Pending> pending = ConsoleSessions.take(request, tenantId);
        if (pending.isEmpty() || state == null
                || !MessageDigest.isEqual(pending.get().state().getBytes(StandardCharsets.UTF_8), state.getBytes(StandardCharsets.UTF_8))) {
            return refused(null, "state does not match a sign-in of this browser", false);
        }
        if (error != null || code == null) {
            return refused(null, "authorization failed: " + (error == null ? "no code" : error), false);
        }
        String callback = PublicUrls.of(request, CALLBACK);
        OAuth2Client client = clients.ensure(tenant.id(), callback);
        TokenResponse answer;
        try {
            answer = codes.handle(new TokenCall(tenant.id(), issuer.of(request), client, new FormParameters(Map.of(
                    "grant_type", "authorization_code", "code", code, "redirect_uri", callback,
                    "code_verifier", pending.get().verifier()))));
        } catch (OAuth2Exception e) {
            return refused(null, "code refused: " + e.error().code(), false);
        }
        if (!(answer instanceof AccessTokenResponse tokens) || tokens.idToken().isEmpty()) {
            return refused(null, "no ID token", false);
        }
        Optional<JWTClaimsSet> claims = signing.verify(KeySetName.ID_TOKEN, tokens.idToken().get())
                .filter(c -> issuer.of(request).equals(c.getIssuer()))
                .filter(c -> c.getAudience().contains(client.clientId()))
                .filter(c -> c.getExpirationTime() != null && c.getExpirationTime().toInstant().isAfter(clock.instant()))
                .filter(c -> pending.get().nonce().equals(c.getClaim("nonce")));
        if (claims.isEmpty() || claims.get().getSubject() == null) {
            return refused(null, "ID token does not verify", false);
        }
        String subject = claims.get().getSubject();
        Optional<Identity> identity = identities.find(tenant.id(), subject).filter(Identity::isActive);
        Optional<ConsoleRole> role = identity.flatMap(i -> ConsoleRole.of(i.metadataAdmin()));
        if (role.isEmpty()) {
            return refused(subject, identity.isEmpty() ? "identity missing or inactive" : "no console role", true);
        }
        ConsoleUser user = new ConsoleUser(subject, tenantId, role.get(), displayName(identity.get()));
        ConsoleSessions.signIn(request, user);
        events.fire(SecurityEvent.of(SecurityEventType.CONSOLE_SIGN_IN, Outcome.SUCCESS)
                .actor(user.actor()).subject(subject).client(client.clientId()).detail("role", role.get().wire()));
        return new SignedIn(user, pending.get().returnTo());
    }

    /** Signs the tenant's console user out of the console (the Gatehouse session stays, as for any relying party). */
    public void signOut(HttpServletRequest request) {
        ConsoleSessions.signOut(request, tenant.id().value()).ifPresent(user ->
                events.fire(SecurityEvent.of(SecurityEventType.CONSOLE_SIGN_OUT, Outcome.SUCCESS)
                        .actor(user.actor()).subject(user.subject())));
    }

    private Refused refused(String subject, String reason, boolean noRole) {
        events.fire(SecurityEvent.of(SecurityEventType.CONSOLE_SIGN_IN_FAILED, noRole
                        ? Outcome.DENIED : Outcome.FAILURE)
                .subject(subject).client(ConsoleClients.CLIENT_ID).detail("reason", reason));
        return new Refused(reason, noRole);
    }

    /** The identity's first identifier-like trait (e-mail, phone, username), else its id. */
    private static String displayName(Identity identity) {
        JsonObject traits = identity.traits();
        for (String key : new String[]{"email", "phone", "username"}) {
            if (traits.get(key) instanceof JsonString s) {
                return s.getString();
            }
        }
        return identity.id().toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
