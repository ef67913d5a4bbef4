package dev.gatehouse.selfservice.registration;

import dev.gatehouse.identity.Credential;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityDraft;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Creates the identity a registration method has checked, answering a taken identifier or a refused trait on
 * the form. A draft with a password is hashed before the identity's transaction (see {@link IdentityService#create}).
 */
@ApplicationScoped
public class Registrar {

    private IdentityService identities;

    protected Registrar() {
        // for the container's proxy
    }

    @Inject
    public Registrar(IdentityService identities) {
        this.identities = identities;
    }

    public RegistrationMethod.Result create(Flow flow, Ui ui, IdentityDraft draft, String method) {
        return create(flow, ui, draft, method, List.of());
    }

    /** As {@link #create(Flow, Ui, IdentityDraft, String)}, with credentials the draft cannot carry (a passkey). */
    public RegistrationMethod.Result create(Flow flow, Ui ui, IdentityDraft draft, String method, List<Credential> credentials) {
        Identity identity;
        try {
            identity = credentials.isEmpty() ? identities.create(flow.tenant(), draft, null)
                    : identities.create(flow.tenant(), draft, null, credentials);
        } catch (ApiException e) {
            if (e.error() == ApiError.CONFLICT) {
                return refused(flow, ui.withMessage(Texts.duplicateCredentials()));
            }
            Ui failed = ui;
            for (ApiException.FieldError f : e.fieldErrors()) {
                failed = failed.withMessage(Texts.generic(f.message()));
            }
            return refused(flow, failed.messages().isEmpty() ? failed.withMessage(Texts.generic(e.detail())) : failed);
        }
        return new RegistrationMethod.Registered(identity, ui, method);
    }

    private static RegistrationMethod.Answered refused(Flow flow, Ui ui) {
        return new RegistrationMethod.Answered(flow.showing(ui), false);
    }
}
