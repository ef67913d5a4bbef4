package dev.gatehouse.session.adapter;

import dev.gatehouse.gateway.port.SessionLookup;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.session.AuthenticationMethodReferences;
import dev.gatehouse.session.Session;
import dev.gatehouse.session.SessionAssurance;
import dev.gatehouse.session.SessionConfig;
import dev.gatehouse.session.SessionService;
import dev.gatehouse.session.api.SessionJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.net.URI;
import java.util.Optional;

/**
 * The gateway's {@link SessionLookup}: the session service, and the session as {@link SessionJson} writes it with
 * {@code aal} (its assurance level) and {@code amr} (its methods as RFC 8176 values,
 * {@link AuthenticationMethodReferences}) added for rules to read; a session below
 * {@code gatehouse.session.whoami.required-aal} is no session, as whoami refuses it.
 */
@ApplicationScoped
public class GatewaySessions implements SessionLookup {

    private SessionService sessions;
    private SessionConfig config;
    private SessionAssurance assurance;

    protected GatewaySessions() {
    }

    @Inject
    public GatewaySessions(SessionService sessions, SessionConfig config, SessionAssurance assurance) {
        this.sessions = sessions;
        this.config = config;
        this.assurance = assurance;
    }

    @Override
    public String cookieName() {
        return config.cookieName();
    }

    @Override
    public Optional<JsonObject> whoami(TenantId tenant, String token, URI base) {
        // as Oathkeeper asking Kratos' whoami: a session below whoami's required level authenticates no one
        return sessions.authenticate(tenant, token).filter(a -> assurance.satisfies(a, config.whoamiRequiredAal()))
                .map(a -> withAssurance(SessionJson.of(a.session(), a.identity(), base), a.session()));
    }

    private static JsonObject withAssurance(JsonObject whoami, Session session) {
        JsonArrayBuilder amr = JsonP.createArrayBuilder();
        AuthenticationMethodReferences.of(session.methods()).forEach(amr::add);
        return JsonP.createObjectBuilder(whoami).add("aal", session.aal()).add("amr", amr).build();
    }
}
