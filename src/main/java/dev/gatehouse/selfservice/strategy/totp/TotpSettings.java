package dev.gatehouse.selfservice.strategy.totp;

import dev.gatehouse.credential.totp.Totp;
import dev.gatehouse.credential.totp.TotpResult;
import dev.gatehouse.credential.totp.TotpSecret;
import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.identity.schema.CredentialKind;
import dev.gatehouse.identity.schema.IdentitySchema;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.kernel.RequestContext;
import dev.gatehouse.selfservice.Completion;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.SelfServiceConfig;
import dev.gatehouse.selfservice.Submission;
import dev.gatehouse.selfservice.Texts;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.UiText;
import dev.gatehouse.selfservice.settings.SettingsMethod;
import dev.gatehouse.session.Session;
import dev.gatehouse.session.SessionService;
import dev.gatehouse.kernel.event.CredentialEvents;
import dev.gatehouse.kernel.event.SecurityEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code totp} method of the settings flow (Kratos' nodes): without an authenticator app, the form shows a
 * new secret as a QR code ({@code totp_qr}) and as text ({@code totp_secret_key}) with a {@code totp_code} field;
 * with one, a {@code totp_unlink} button. The secret being enrolled is the one in the form the flow showed (the
 * flow is kept on the server, so a client cannot choose it); a first right code stores it, with that code's step
 * as used. Both changes need a recent sign-in.
 */
@ApplicationScoped
public class TotpSettings implements SettingsMethod {

    static final String UNLINK = "totp_unlink";
    static final String SECRET_NODE = "totp_secret_key";

    private IdentityService identities;
    private SessionService sessions;
    private SelfServiceConfig config;
    private RequestContext request;
    private Clock clock;
    private CredentialEvents credentials;
    private final SecureRandom random = new SecureRandom();
    private final Totp totp = new Totp();

    protected TotpSettings() {
        // for the container's proxy
    }

    @Inject
    public TotpSettings(IdentityService identities, SessionService sessions, SelfServiceConfig config, RequestContext request,
                        SecurityEvents events, Clock clock) {
        this.identities = identities;
        this.sessions = sessions;
        this.config = config;
        this.request = request;
        this.clock = clock;
        this.credentials = new CredentialEvents(events);
    }

    @Override
    public String id() {
        return TotpMessages.METHOD;
    }

    @Override
    public int order() {
        return TotpMessages.ORDER;
    }

    /** The unlink button, which sends no {@code method}. */
    @Override
    public boolean claims(Submission submission) {
        return submission.field(UNLINK).filter("true"::equals).isPresent();
    }

    @Override
    public List<UiNode> nodes(Identity identity, IdentitySchema schema) {
        if (TotpCredential.of(identity).isPresent()) {
            return List.of(UiNode.input(TotpMessages.GROUP, UNLINK, "submit", JsonP.createValue("true"), true, null,
                    TotpMessages.unlink()));
        }
        TotpSecret secret = TotpSecret.generate(random);
        String account = account(identity, schema);
        return List.of(
                UiNode.image(TotpMessages.GROUP, "totp_qr", secret.qrCodeDataUri(issuer(), account), 256, 256, TotpMessages.qrCode()),
                UiNode.text(TotpMessages.GROUP, SECRET_NODE, TotpMessages.secret(secret.base32()), TotpMessages.secretLabel()),
                UiNode.input(TotpMessages.GROUP, TotpLogin.CODE, "text", null, true, "one-time-code", Texts.verifyCode()),
                UiNode.input(TotpMessages.GROUP, "method", "submit", JsonP.createValue(TotpMessages.METHOD), false, null, Texts.save()));
    }

    @Override
    public Completion<Result> submit(Flow flow, Submission submission, Ui ui, IdentitySchema schema,
                                     SessionService.Authenticated holder) {
        SettingsMethod.requirePrivileged(sessions, holder.session());
        Identity identity = holder.identity();
        Optional<TotpCredential> existing = TotpCredential.of(identity);
        if (claims(submission)) {
            if (existing.isEmpty()) {
                return Completion.of(new Refused(ui.withMessage(TotpMessages.noDevice())));
            }
            return () -> {
                Identity after = identities.storeCredential(identity, CredentialType.TOTP, Optional.empty());
                credentials.removed(identity.tenant().value(), identity.id().toString(), identity.id().toString(), TotpMessages.METHOD);
                return new Saved(ui.withGroup(TotpMessages.GROUP, nodes(after, schema)));
            };
        }
        // the part of the form the person saw: the secret they scanned, kept when the code is refused
        List<UiNode> shown = flow.ui().group(TotpMessages.GROUP);
        Optional<String> base32 = shown.stream().filter(n -> n.name().equals(SECRET_NODE)).findFirst().map(TotpSettings::secretOf);
        if (existing.isPresent() || base32.isEmpty()) {
            return Completion.of(new Refused(ui.withMessage(Texts.generic("Open the settings again to set up an authenticator app."))));
        }
        Ui again = ui.withGroup(TotpMessages.GROUP, shown.stream().map(n -> new UiNode(n.group(), n.attributes(), List.of(), n.label())).toList());
        Optional<String> code = submission.field(TotpLogin.CODE).map(String::trim).filter(c -> !c.isEmpty());
        if (code.isEmpty()) {
            return Completion.of(new Refused(again.mapNode(TotpLogin.CODE, n -> n.withMessage(Texts.required(TotpLogin.CODE)))));
        }
        TotpSecret secret = TotpSecret.parse(base32.get());
        Instant now = clock.instant();
        TotpResult result = totp.verify(secret, code.get(), now, OptionalLong.empty());
        if (!(result instanceof TotpResult.Accepted accepted)) {
            return Completion.of(new Refused(again.mapNode(TotpLogin.CODE, n -> n.withMessage(TotpMessages.wrongCode()))));
        }
        TotpCredential enrolled = new TotpCredential(secret.uri(issuer(), account(identity, schema)),
                OptionalLong.of(accepted.step()), now);
        return () -> {
            Identity after = identities.storeCredential(identity, CredentialType.TOTP, Optional.of(enrolled.toCredential(identity, now)));
            // the right code proved the app just now: the session that set it up has it as a second factor (as Kratos)
            sessions.completeWith(holder.session(), TotpMessages.METHOD, Session.AAL2);
            credentials.enrolled(identity.tenant().value(), identity.id().toString(), identity.id().toString(), TotpMessages.METHOD);
            return new Saved(ui.withGroup(TotpMessages.GROUP, nodes(after, schema)));
        };
    }

    private static String secretOf(UiNode node) {
        JsonObject text = node.attributes().getJsonObject("text");
        return text == null ? null : UiText.fromJson(text).context().getString("secret", null);
    }

    /** The name the app shows for the account: the identity's first sign-in identifier, else its id. */
    private static String account(Identity identity, IdentitySchema schema) {
        return schema.identifiers(CredentialKind.PASSWORD, identity.traits()).stream().findFirst().orElse(identity.id().toString());
    }

    private String issuer() {
        if (!config.totpIssuer().isEmpty()) {
            return config.totpIssuer();
        }
        // the host name only: the header is the client's, so nothing of it but a name reaches the app's label
        String host = request.host() == null ? "" : request.host().replaceFirst(":.*$", "").replaceAll("[^A-Za-z0-9.-]", "");
        return host.isEmpty() ? "Gatehouse" : host;
    }
}
