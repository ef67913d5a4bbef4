package dev.gatehouse.selfservice.login;

import dev.gatehouse.identity.Identity;
import dev.gatehouse.session.SecondFactors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.List;

/**
 * An identity has a second factor when a second-factor login method would offer it on the form that raises a
 * session to {@code aal2}: exactly what a step-up can use, so an identity is never asked for a factor it cannot give.
 */
@ApplicationScoped
public class EnrolledSecondFactors implements SecondFactors {

    private List<LoginMethod> methods;

    protected EnrolledSecondFactors() {
        // for the container's proxy
    }

    @Inject
    public EnrolledSecondFactors(Instance<LoginMethod> methods) {
        this((Iterable<LoginMethod>) methods);
    }

    public EnrolledSecondFactors(Iterable<LoginMethod> methods) {
        this.methods = new java.util.ArrayList<>();
        methods.forEach(m -> {
            if (m.secondFactor()) {
                this.methods.add(m);
            }
        });
    }

    @Override
    public boolean available(Identity identity) {
        return methods.stream().anyMatch(m -> m.enrolled(identity));
    }
}
