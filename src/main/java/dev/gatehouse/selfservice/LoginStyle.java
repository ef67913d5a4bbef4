package dev.gatehouse.selfservice;

import dev.gatehouse.kernel.config.EffectiveConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.function.Supplier;

/**
 * The current tenant's sign-in style ({@link LoginStyleConfig}), looked up on each use so a tenant's change is in
 * force for the next form. On a password-free tenant the login and registration handlers offer, and accept, only
 * the methods that ask for no password ({@link FlowMethod#asksForPassword()}).
 */
@ApplicationScoped
public class LoginStyle {

    private Supplier<LoginStyleConfig> current;

    protected LoginStyle() {
        // for the container's proxy
    }

    @Inject
    public LoginStyle(EffectiveConfig effective, LoginStyleSettings settings) {
        this.current = () -> effective.of(settings);
    }

    private LoginStyle(Supplier<LoginStyleConfig> current) {
        this.current = current;
    }

    /** A style that is always {@code config}'s (tests, tools). */
    public static LoginStyle fixed(LoginStyleConfig config) {
        return new LoginStyle(() -> config);
    }

    public boolean passwordFree() {
        return current.get().passwordFree();
    }

    /** The methods the current tenant's forms offer and accept, in their order. */
    public <M extends FlowMethod> List<M> offered(List<M> methods) {
        return passwordFree() ? methods.stream().filter(m -> !m.asksForPassword()).toList() : methods;
    }
}
