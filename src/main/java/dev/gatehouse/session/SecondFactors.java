package dev.gatehouse.session;

import dev.gatehouse.identity.Identity;

/**
 * Whether an identity has a second factor it can raise a session with: its highest available assurance level is
 * then {@code aal2} (Kratos' {@code available_aal}). Implemented where the second-factor methods live.
 */
public interface SecondFactors {

    boolean available(Identity identity);
}
