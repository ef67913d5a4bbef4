package dev.gatehouse.selfservice.strategy.lookup;

import dev.gatehouse.credential.lookup.RecoveryCodeSet;
import dev.gatehouse.credential.lookup.RecoveryCodes;
import dev.gatehouse.identity.CredentialType;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.identity.schema.IdentitySchema;
import dev.gatehouse.kernel.JsonP;
import dev.gatehouse.selfservice.Completion;
import dev.gatehouse.selfservice.Flow;
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

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code lookup_secret} method of the settings flow, with Kratos' buttons (each sends {@code true}, with or
 * without {@code method}):
 * <ul>
 *   <li>{@code lookup_secret_regenerate}: twelve new codes, shown once in the {@code lookup_secret_codes} text node
 *       with a {@code lookup_secret_confirm} button; nothing is stored yet (the flow, kept on the server, holds them);</li>
 *   <li>{@code lookup_secret_confirm}: the codes the flow showed replace any earlier set, stored as keyed hashes;</li>
 *   <li>{@code lookup_secret_reveal}: how many codes are left (the codes themselves are not kept, so they cannot be
 *       shown again), with regenerate and disable;</li>
 *   <li>{@code lookup_secret_disable}: the codes are removed.</li>
 * </ul>
 * Every step needs a recent sign-in.
 */
@ApplicationScoped
public class LookupSettings implements SettingsMethod {

    static final String REGENERATE = "lookup_secret_regenerate";
    static final String REVEAL = "lookup_secret_reveal";
    static final String CONFIRM = "lookup_secret_confirm";
    static final String DISABLE = "lookup_secret_disable";
    static final String CODES = "lookup_secret_codes";

    private IdentityService identities;
    private RecoveryCodes codes;
    private SessionService sessions;
    private Clock clock;
    private CredentialEvents credentials;

    protected LookupSettings() {
        // for the container's proxy
    }

    @Inject
    public LookupSettings(IdentityService identities, RecoveryCodes codes, SessionService sessions, SecurityEvents events,
                          Clock clock) {
        this.identities = identities;
        this.codes = codes;
        this.sessions = sessions;
        this.clock = clock;
        this.credentials = new CredentialEvents(events);
    }

    @Override
    public String id() {
        return LookupMessages.METHOD;
    }

    @Override
    public int order() {
        return LookupMessages.ORDER;
    }

    @Override
    public boolean claims(Submission submission) {
        return List.of(REGENERATE, REVEAL, CONFIRM, DISABLE).stream().anyMatch(b -> pressed(submission, b));
    }

    @Override
    public List<UiNode> nodes(Identity identity, IdentitySchema schema) {
        return List.of(LookupCredential.of(identity).isPresent() ? button(REVEAL, LookupMessages.reveal())
                : button(REGENERATE, LookupMessages.regenerate()));
    }

    @Override
    public Completion<Result> submit(Flow flow, Submission submission, Ui ui, IdentitySchema schema,
                                     SessionService.Authenticated holder) {
        SettingsMethod.requirePrivileged(sessions, holder.session());
        Identity identity = holder.identity();
        Optional<RecoveryCodeSet> existing = LookupCredential.of(identity);
        if (pressed(submission, CONFIRM)) {
            return confirm(flow, ui, holder, schema);
        }
        if (pressed(submission, REVEAL)) {
            return Completion.of(existing.<Result>map(set -> new Shown(ui.withGroup(LookupMessages.GROUP, List.of(
                            UiNode.text(LookupMessages.GROUP, CODES, LookupMessages.remaining(set.remaining(), set.codes().size()),
                                    LookupMessages.codesLabel()),
                            button(REGENERATE, LookupMessages.regenerate()), button(DISABLE, LookupMessages.disable())))))
                    .orElseGet(() -> new Refused(ui.withMessage(LookupMessages.noCodes()))));
        }
        if (pressed(submission, DISABLE)) {
            if (existing.isEmpty()) {
                return Completion.of(new Refused(ui.withMessage(LookupMessages.noCodes())));
            }
            return () -> {
                Identity after = identities.storeCredential(identity, CredentialType.LOOKUP_SECRET, Optional.empty());
                credentials.removed(identity.tenant().value(), identity.id().toString(), identity.id().toString(), LookupMessages.METHOD);
                return new Saved(ui.withGroup(LookupMessages.GROUP, nodes(after, schema)));
            };
        }
        if (pressed(submission, REGENERATE)) {
            List<String> fresh = codes.generate(clock.instant()).codes();
            return Completion.of(new Shown(ui.withGroup(LookupMessages.GROUP, List.of(
                    UiNode.text(LookupMessages.GROUP, CODES, LookupMessages.codes(fresh), LookupMessages.codesLabel()),
                    button(CONFIRM, LookupMessages.confirm())))));
        }
        return Completion.of(new Refused(ui.withMessage(Texts.generic("Choose what to do with the backup recovery codes."))));
    }

    /** Stores the codes the flow showed, if its last step generated some. */
    private Completion<Result> confirm(Flow flow, Ui ui, SessionService.Authenticated holder, IdentitySchema schema) {
        Identity identity = holder.identity();
        Optional<List<String>> shown = flow.ui().group(LookupMessages.GROUP).stream().filter(n -> n.name().equals(CODES))
                .findFirst().map(LookupSettings::codesOf).filter(c -> !c.isEmpty());
        if (shown.isEmpty() || !flow.ui().hasNode(CONFIRM)) {
            return Completion.of(new Refused(ui.withMessage(
                    Texts.generic("You must (re-)generate recovery backup codes before you can save them."))));
        }
        Instant now = clock.instant();
        RecoveryCodeSet set = codes.protect(shown.get(), now);
        return () -> {
            Identity after = identities.storeCredential(identity, CredentialType.LOOKUP_SECRET,
                    Optional.of(LookupCredential.toCredential(identity, set, now)));
            // the codes were just shown to the holder of this session: it has them as a second factor (as Kratos)
            sessions.completeWith(holder.session(), LookupMessages.METHOD, Session.AAL2);
            credentials.enrolled(identity.tenant().value(), identity.id().toString(), identity.id().toString(), LookupMessages.METHOD);
            return new Saved(ui.withGroup(LookupMessages.GROUP, nodes(after, schema)));
        };
    }

    private static List<String> codesOf(UiNode node) {
        JsonObject text = node.attributes().getJsonObject("text");
        if (text == null) {
            return List.of();
        }
        JsonObject context = UiText.fromJson(text).context();
        if (!context.containsKey("secrets")) {
            return List.of();
        }
        return context.getJsonArray("secrets").getValuesAs(JsonObject.class).stream()
                .map(s -> s.getJsonObject("context").getString("secret", "")).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean pressed(Submission submission, String button) {
        return submission.field(button).filter("true"::equals).isPresent();
    }

    private static UiNode button(String name, UiText label) {
        return UiNode.input(LookupMessages.GROUP, name, "submit", JsonP.createValue("true"), false, null, label);
    }
}
