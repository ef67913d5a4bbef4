package dev.gatehouse.admin.console.identities;

import dev.gatehouse.admin.console.ConsolePage;
import dev.gatehouse.identity.Credential;
import dev.gatehouse.identity.CredentialRemoval;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityDraft;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.identity.IdentityState;
import dev.gatehouse.identity.VerifiableAddress;
import dev.gatehouse.identity.schema.IdentitySchemas;
import dev.gatehouse.kernel.RequestActor;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.platform.http.PublicUrls;
import dev.gatehouse.selfservice.AddressProof;
import dev.gatehouse.selfservice.SelfServiceConfig;
import dev.gatehouse.selfservice.login.IdentityLockouts;
import dev.gatehouse.selfservice.login.LoginThrottle;
import dev.gatehouse.selfservice.recovery.RecoveryHandler;
import dev.gatehouse.session.Session;
import dev.gatehouse.session.SessionAdminService;
import dev.gatehouse.session.SessionFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * One identity in the console: its traits as a form generated from its schema, its state, verifiable addresses,
 * credentials and sessions, and what may be done to it. Every change goes through the service the admin API uses
 * ({@link IdentityService}, {@link SessionAdminService}, {@link RecoveryHandler}, {@link IdentityLockouts}) with the console user as actor, so
 * the same rules hold and the same security events fire. The identity's id travels in each form ({@code id}); an id
 * of another tenant is as unknown as a made-up one: 404.
 */
@Named
@RequestScoped
public class IdentityView {

    private static final int SESSIONS_SHOWN = 50;

    @Inject
    IdentityService identities;
    @Inject
    IdentitySchemas schemas;
    @Inject
    SessionAdminService sessions;
    @Inject
    RecoveryHandler recovery;
    @Inject
    SelfServiceConfig selfService;
    @Inject
    IdentityLockouts lockouts;
    @Inject
    CurrentTenant tenant;

    private Identity identity;
    private List<LoginThrottle.Lock> locks;
    private List<TraitField> fields;
    private String state;
    private String recoveryLink;
    private String recoveryCode;

    /** Reads the identity named by {@code ?id=} (or the form's {@code id}); answers 404 when this tenant has none. */
    public void load() throws IOException {
        if (identity() == null) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().responseSendError(HttpServletResponse.SC_NOT_FOUND, "No identity with this id");
            faces.responseComplete();
        }
    }

    public Identity getIdentity() {
        return identity();
    }

    private Identity identity() {
        if (identity == null) {
            String id = request().getParameter("id");
            identity = id == null ? null : identities.find(tenant.id(), id).orElse(null);
        }
        return identity;
    }

    public List<TraitField> getFields() {
        if (fields == null && identity() != null) {
            fields = schemas.find(identity.schemaId()).map(s -> TraitField.of(s.document(), identity.traits())).orElse(List.of());
        }
        return fields;
    }

    public String getState() {
        return state != null ? state : identity() == null ? null : identity.state().wire();
    }

    public void setState(String state) {
        this.state = state;
    }

    public List<String> getStates() {
        return List.of(IdentityState.ACTIVE.wire(), IdentityState.INACTIVE.wire());
    }

    public List<VerifiableAddress> getAddresses() {
        return identity() == null ? List.of() : identity.verifiableAddresses();
    }

    public List<Credential> getCredentials() {
        return identity() == null ? List.of() : identity.credentials().values().stream()
                .sorted(Comparator.comparing(c -> c.type().wire())).toList();
    }

    /** Whether the credential may be deleted (a second factor, as the admin API decides); others show no button. */
    public boolean removable(Credential credential) {
        try {
            CredentialRemoval.check(identity().credentials().keySet(), credential.type().wire());
            return true;
        } catch (ApiException e) {
            return false;
        }
    }

    /** A credential's identifiers, as the list shows them. */
    public String identifiers(Credential credential) {
        return String.join(", ", credential.identifiers());
    }

    public List<Session> getSessions() {
        return identity() == null ? List.of() : sessions.ofIdentity(tenant.id(), identity.id().toString(), SessionFilter.ACTIVE, 0,
                SESSIONS_SHOWN).stream().map(SessionAdminService.Expanded::session).toList();
    }

    /** The sign-in failure counts and locks of the identity's identifiers and second factors. */
    public List<LoginThrottle.Lock> getLockouts() {
        if (locks == null) {
            locks = identity() == null ? List.of() : lockouts.of(identity);
        }
        return locks;
    }

    /** How a lock kind reads on the page: {@code identifier} or {@code second_factor}. */
    public String kind(LoginThrottle.Lock lock) {
        return lock.kind().name().toLowerCase(Locale.ROOT);
    }

    /** Clears them all, as {@code DELETE /admin/identities/{id}/lockouts} does. */
    public String clearLockouts() {
        if (identity() != null) {
            lockouts.clear(identity, actor());
            locks = null;
            info("console.identity.lockouts.cleared");
        }
        return null;
    }

    public String getRecoveryLink() {
        return recoveryLink;
    }

    public String getRecoveryCode() {
        return recoveryCode;
    }

    /** Saves traits and state through {@link IdentityService#replace}; the schema's complaints are shown at their fields. */
    public String save() {
        if (identity() == null) {
            return null;
        }
        Optional<IdentityState> newState = IdentityState.fromWire(getState());
        if (newState.isEmpty()) {
            error("console.identity.state.invalid");
            return null;
        }
        IdentityDraft draft = new IdentityDraft(Optional.of(identity.schemaId()), TraitField.traits(getFields(), identity.traits()),
                newState, identity.metadataPublic(), identity.metadataAdmin(), Optional.empty(), List.of());
        try {
            identity = identities.replace(tenant.id(), identity.id().toString(), draft, actor());
        } catch (ApiException e) {
            for (ApiException.FieldError f : e.fieldErrors()) {
                getFields().stream().filter(t -> t.getPath().equals(f.field()) || ("traits." + t.getPath()).equals(f.field()))
                        .forEach(t -> t.setError(f.message()));
            }
            if (getFields().stream().noneMatch(t -> t.getError() != null)) {
                FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.detail(), null));
            }
            return null;
        }
        fields = null;
        state = null;
        info("console.identity.saved");
        return null;
    }

    /** Revokes the session named by the form's {@code session}. */
    public String revokeSession() {
        String session = request().getParameter("session");
        if (identity() != null && session != null) {
            attempt(() -> sessions.revoke(tenant.id(), session, actor()), "console.sessions.revoked");
        }
        return null;
    }

    public String revokeAllSessions() {
        if (identity() != null) {
            attempt(() -> sessions.revokeAll(tenant.id(), identity.id().toString(), actor()), "console.sessions.revoked");
        }
        return null;
    }

    /** Deletes the credential whose type is the form's {@code type}, so the person can set that authenticator up again. */
    public String deleteCredential() {
        String type = request().getParameter("type");
        if (identity() != null && type != null) {
            attempt(() -> identities.removeCredential(tenant.id(), identity.id().toString(), type, actor()), "console.credentials.deleted");
            identity = null;
        }
        return null;
    }

    /** Runs a change and says it is done, or shows why the service refused it (as the admin API would answer it). */
    private static void attempt(Runnable change, String doneKey) {
        try {
            change.run();
            info(doneKey);
        } catch (ApiException e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.detail(), null));
        }
    }

    /** Starts a recovery for the person, as {@code POST /admin/recovery/code} does: a link and a code to hand over. */
    public String createRecoveryCode() {
        if (identity() != null) {
            RecoveryHandler.AdminCode created = recovery.createByAdmin(identity, AddressProof.CODE, selfService.codeLifespan(),
                    PublicUrls.base(request()), actor());
            recoveryLink = PublicUrls.of(request(), "/self-service/recovery?flow=" + created.flow().id());
            recoveryCode = created.code().code();
        }
        return null;
    }

    /** This page again, for links back to it. */
    public String getLink() {
        return identity() == null ? null : PublicUrls.of(request(), ConsolePage.IDENTITY.path() + "?id=" + identity.id());
    }

    private static String actor() {
        return RequestActor.of(request());
    }

    private static void info(String key) {
        message(FacesMessage.SEVERITY_INFO, key);
    }

    private static void error(String key) {
        message(FacesMessage.SEVERITY_ERROR, key);
    }

    private static void message(FacesMessage.Severity severity, String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        faces.addMessage(null, new FacesMessage(severity, bundle.getString(key), null));
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
