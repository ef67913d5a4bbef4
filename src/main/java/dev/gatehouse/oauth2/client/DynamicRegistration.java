package dev.gatehouse.oauth2.client;

import dev.gatehouse.kernel.event.Outcome;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEventType;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.oauth2.OAuth2Error;
import dev.gatehouse.oauth2.OAuth2Exception;
import dev.gatehouse.platform.secrets.TokenHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The rules of Dynamic Client Registration (RFC 7591) and its management protocol (RFC 7592), on top of
 * {@link ClientService}. As in Hydra, a client registering itself cannot choose its id or secret, and cannot give
 * itself what only an administrator may: {@code skip_consent}, {@code metadata}, an access token strategy or token
 * lifespans. It is managed afterwards with its registration access token (only an HMAC of it is stored).
 */
@ApplicationScoped
public class DynamicRegistration {

    static final String ACTOR = "dynamic-registration";
    private static final List<String> ADMIN_ONLY = List.of("skip_consent", "metadata", "access_token_strategy",
            ClientMetadataParser.ACCESS_TOKEN_LIFESPAN, ClientMetadataParser.REFRESH_TOKEN_LIFESPAN,
            ClientMetadataParser.ID_TOKEN_LIFESPAN);

    private ClientService clients;
    private ClientSecrets secrets;
    private TokenHasher hasher;
    private SecurityEvents events;

    protected DynamicRegistration() {
    }

    @Inject
    public DynamicRegistration(ClientService clients, ClientSecrets secrets, TokenHasher hasher, SecurityEvents events) {
        this.clients = clients;
        this.secrets = secrets;
        this.hasher = hasher;
        this.events = events;
    }

    /** RFC 7591 §3.1: registers a client with a generated id, secret (if its method uses one) and registration token. */
    public ClientRegistration register(TenantId tenant, ClientMetadata metadata) {
        if (metadata.clientId().isPresent()) {
            throw metadataError("client_id is chosen by the server");
        }
        if (metadata.secret().isPresent()) {
            throw metadataError("client_secret is chosen by the server");
        }
        requireDefaults(metadata);
        return clients.create(tenant, metadata, true, ACTOR);
    }

    /** RFC 7592 §2.1: the client, if the registration access token is its own. */
    @Transactional
    public RegisteredClient read(TenantId tenant, String clientId, Optional<String> token) {
        return authorized(tenant, clientId, token);
    }

    /**
     * RFC 7592 §2.2: replaces the client's metadata. A {@code client_secret} in the request must be the current one;
     * the secret and the registration access token stay. Not one transaction: the client is read, its secret checked
     * with no connection held (it may be an argon2id hash, if an administrator chose a short one), then replaced.
     */
    public ClientRegistration update(TenantId tenant, String clientId, Optional<String> token, ClientMetadata metadata) {
        RegisteredClient current = authorized(tenant, clientId, token);
        if (metadata.clientId().filter(id -> !id.equals(clientId)).isPresent()) {
            throw metadataError("client_id does not match the client being updated");
        }
        if (metadata.secret().isPresent() && !secrets.matches(metadata.secret().get(), current.secretHash())) {
            throw metadataError("client_secret does not match the client's secret");
        }
        requireDefaults(metadata);
        ClientMetadata keepSecret = new ClientMetadata(Optional.empty(), Optional.empty(), metadata.presentFields(),
                metadata.clientName(), metadata.redirectUris(), metadata.postLogoutRedirectUris(), metadata.grantTypes(),
                metadata.responseTypes(), metadata.scopes(), metadata.audience(), metadata.tokenEndpointAuthMethod(),
                metadata.jwks(), metadata.jwksUri(), false, AccessTokenStrategy.OPAQUE, TokenLifespans.DEFAULTS,
                metadata.backchannelLogoutUri(), metadata.backchannelLogoutSessionRequired(), "{}");
        return clients.replace(tenant, clientId, keepSecret, clientId);
    }

    /** RFC 7592 §2.3: deletes the client (and so its registration access token). */
    @Transactional
    public void delete(TenantId tenant, String clientId, Optional<String> token) {
        authorized(tenant, clientId, token);
        clients.delete(tenant, clientId, clientId);
    }

    /**
     * The client, if the token is its registration access token (constant-time check). Unknown clients, clients
     * registered by an administrator and wrong tokens look the same: 401 {@code invalid_token} (RFC 7592 §2).
     */
    private RegisteredClient authorized(TenantId tenant, String clientId, Optional<String> token) {
        Optional<RegisteredClient> client = clients.find(tenant, clientId);
        boolean matches = hasher.matches(token.orElse(""), client.flatMap(RegisteredClient::registrationTokenHash).orElse("-"));
        if (client.isEmpty() || token.isEmpty() || client.get().registrationTokenHash().isEmpty() || !matches) {
            events.fire(SecurityEvent.of(SecurityEventType.OAUTH2_CLIENT_AUTHENTICATION_FAILED, Outcome.DENIED)
                    .tenant(tenant.value()).client(clientId.length() > 255 ? clientId.substring(0, 255) : clientId)
                    .detail("method", "registration_access_token")
                    .detail("reason", token.isEmpty() ? "no bearer token" : "unknown client or wrong token"));
            throw new OAuth2Exception(OAuth2Error.INVALID_TOKEN, "The registration access token is not valid for this client");
        }
        return client.get();
    }

    /**
     * Administrator-only fields may appear (a client sends back what it read) but only with their default values.
     * URLs the server itself calls ({@code jwks_uri}, {@code backchannel_logout_uri}) must be https and not loopback,
     * so an anonymous registrant cannot make the server send requests into its own host.
     */
    private static void requireDefaults(ClientMetadata m) {
        boolean defaults = !m.skipConsent() && m.accessTokenStrategy() == AccessTokenStrategy.OPAQUE
                && "{}".equals(m.metadata()) && m.lifespans().equals(TokenLifespans.DEFAULTS);
        if (!defaults) {
            throw metadataError(String.join(", ", ADMIN_ONLY) + " cannot be set by dynamic client registration");
        }
        if (Stream.of(m.jwksUri(), m.backchannelLogoutUri()).flatMap(Optional::stream).anyMatch(DynamicRegistration::local)) {
            throw metadataError("jwks_uri and backchannel_logout_uri of a self-registered client must be https URLs of another host");
        }
    }

    /**
     * Not https, or a host name or IP literal of this machine or an internal network (loopback in any spelling such
     * as {@code 127.1}, {@code 0.0.0.0}, link-local such as cloud metadata at {@code 169.254.169.254}, private
     * ranges). A DNS name is only checked by its text: names that resolve inside are the operator's to firewall.
     */
    static boolean local(URI uri) {
        String host = uri.getHost();
        if (!"https".equalsIgnoreCase(uri.getScheme()) || host == null || ClientMetadataParser.isLoopback(host)) {
            return true;
        }
        if (!host.matches("[0-9.]+") && !host.startsWith("[")) {
            return false;
        }
        try {
            InetAddress a = InetAddress.getByName(host.replace("[", "").replace("]", ""));
            return a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                    || (a.getAddress().length == 16 && (a.getAddress()[0] & 0xfe) == 0xfc);
        } catch (java.net.UnknownHostException e) {
            return true;
        }
    }

    private static OAuth2Exception metadataError(String description) {
        return new OAuth2Exception(OAuth2Error.INVALID_CLIENT_METADATA, description);
    }
}
