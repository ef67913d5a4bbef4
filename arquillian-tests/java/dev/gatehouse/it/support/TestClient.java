package dev.gatehouse.it.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;

import java.net.URI;

/**
 * A client registered through {@code /admin/clients}, as a Nimbus client sees it.
 *
 * @param secret the secret shown once at creation (null for public and private_key_jwt clients)
 * @param key    the client's private key (private_key_jwt only)
 */
public record TestClient(String id, String secret, String redirectUri, String authMethod, RSAKey key) {

    public ClientID clientId() {
        return new ClientID(id);
    }

    public boolean isPublic() {
        return "none".equals(authMethod);
    }

    /** How this client authenticates at {@code endpoint} by its registered method; null for a public client. */
    public ClientAuthentication auth(URI endpoint) {
        return switch (authMethod) {
            case "client_secret_basic" -> new ClientSecretBasic(clientId(), new Secret(secret));
            case "client_secret_post" -> new ClientSecretPost(clientId(), new Secret(secret));
            case "private_key_jwt" -> privateKeyJwt(endpoint);
            default -> null;
        };
    }

    /** A fresh assertion (new jti) for {@code endpoint}. */
    public PrivateKeyJWT privateKeyJwt(URI endpoint) {
        try {
            return new PrivateKeyJWT(clientId(), endpoint, JWSAlgorithm.RS256, key.toRSAPrivateKey(), key.getKeyID(), null);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI redirect() {
        return URI.create(redirectUri);
    }
}
