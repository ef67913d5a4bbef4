package dev.gatehouse.oauth2.client.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "oauth2_client")
public class ClientEntity {

    @Id
    UUID id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    String tenantId;
    @Column(name = "client_id", nullable = false, updatable = false)
    String clientId;
    @Column(name = "client_name", nullable = false)
    String clientName;
    @Column(name = "secret_hash")
    String secretHash;
    @Column(name = "registration_token_hash")
    String registrationTokenHash;
    @Column(name = "redirect_uris", nullable = false)
    String redirectUris;
    @Column(name = "post_logout_redirect_uris", nullable = false)
    String postLogoutRedirectUris;
    @Column(name = "grant_types", nullable = false)
    String grantTypes;
    @Column(name = "response_types", nullable = false)
    String responseTypes;
    @Column(nullable = false)
    String scope;
    @Column(nullable = false)
    String audience;
    @Column(name = "token_endpoint_auth_method", nullable = false)
    String tokenEndpointAuthMethod;
    @Column(name = "jwks")
    String jwks;
    @Column(name = "jwks_uri")
    String jwksUri;
    @Column(name = "skip_consent", nullable = false)
    boolean skipConsent;
    @Column(name = "access_token_strategy", nullable = false)
    String accessTokenStrategy;
    @Column(name = "access_token_lifespan_ms")
    Long accessTokenLifespanMs;
    @Column(name = "refresh_token_lifespan_ms")
    Long refreshTokenLifespanMs;
    @Column(name = "id_token_lifespan_ms")
    Long idTokenLifespanMs;
    @Column(name = "authorization_code_lifespan_ms")
    Long authorizationCodeLifespanMs;
    @Column(name = "backchannel_logout_uri")
    String backchannelLogoutUri;
    @Column(name = "backchannel_logout_session_required", nullable = false)
    boolean backchannelLogoutSessionRequired;
    @Column(nullable = false)
    String metadata;
    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected ClientEntity() {
    }

    ClientEntity(UUID id, String tenantId, String clientId) {
        this.id = id;
        this.tenantId = tenantId;
        this.clientId = clientId;
    }
}
