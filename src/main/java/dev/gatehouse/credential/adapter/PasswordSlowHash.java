package dev.gatehouse.credential.adapter;

import dev.gatehouse.credential.password.PasswordHasher;
import dev.gatehouse.oauth2.port.SlowHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The token server's {@link SlowHash}: the password hasher, with the password parameters. */
@ApplicationScoped
public class PasswordSlowHash implements SlowHash {

    private PasswordHasher passwords;

    protected PasswordSlowHash() {
    }

    @Inject
    public PasswordSlowHash(PasswordHasher passwords) {
        this.passwords = passwords;
    }

    @Override
    public String hash(String secret) {
        return passwords.hash(secret);
    }

    @Override
    public boolean verify(String secret, String encodedHash) {
        return passwords.verify(secret, encodedHash);
    }

    @Override
    public void burn(String secret) {
        passwords.burn(secret);
    }
}
