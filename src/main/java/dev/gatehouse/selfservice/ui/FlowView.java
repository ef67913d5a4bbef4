package dev.gatehouse.selfservice.ui;

import dev.gatehouse.identity.schema.CredentialKind;
import dev.gatehouse.identity.schema.IdentitySchema;
import dev.gatehouse.identity.schema.IdentitySchemas;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.platform.http.PublicUrls;
import dev.gatehouse.platform.ui.LanguageView;
import dev.gatehouse.selfservice.CsrfCookies;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowError;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.FlowService;
import dev.gatehouse.selfservice.SelfServiceConfig;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.SelfServiceConfig;
import dev.gatehouse.selfservice.UiText;
import dev.gatehouse.session.AalNotSatisfied;
import dev.gatehouse.session.SessionAssurance;
import dev.gatehouse.session.SessionCookies;
import dev.gatehouse.session.SessionService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Renders any browser flow generically from its {@code ui}, laid out by {@link FlowLayout}: each input once,
 * the methods as choices; inputs from the nodes' attributes, labels and messages translated by id. The
 * sign-in identifier is labelled as the identity schema names the traits it stands for. A flow that is
 * missing, expired, of another browser or not a browser flow sends the user to start a fresh one; a settings flow
 * is drawn only for its identity's session at the level settings require.
 */
@Named
@RequestScoped
public class FlowView {

    @Inject
    FlowService flows;
    @Inject
    CurrentTenant tenant;
    @Inject
    CsrfCookies csrf;
    @Inject
    LanguageView language;
    @Inject
    IdentitySchemas schemas;
    @Inject
    SessionCookies sessionCookies;
    @Inject
    SessionService sessions;
    @Inject
    SessionAssurance assurance;
    @Inject
    SelfServiceConfig config;

    /** The sign-in identifier's node name and Kratos' generic label for it ("ID"), which the page replaces. */
    private static final String IDENTIFIER = "identifier";
    private static final long GENERIC_ID_LABEL = 1070004;
    private static final String IDENTIFIER_FIRST = "identifier_first";
    private static final String IMAGE = "img";
    private static final String TEXT = "text-node";

    private String flowId;
    private Flow flow;

    /**
     * One input or button of the form, ready for the page; or an image ({@code type} {@code img}, {@code value} its
     * source) or a text to show ({@code type} {@code text-node}, {@code value} the text).
     */
    public record NodeView(String name, String type, String value, boolean required, String autocomplete, String label,
                           List<MessageView> messages, String id) {

        public boolean isHidden() {
            return "hidden".equals(type);
        }

        public boolean isSubmit() {
            return "submit".equals(type);
        }

        /**
         * A button that starts a WebAuthn ceremony in the browser (Kratos' {@code *_trigger} nodes): drawn with the
         * page's WebAuthn script, which reads its options, asks the authenticator and submits the answer.
         */
        public boolean isTrigger() {
            return "button".equals(type);
        }

        public boolean isField() {
            return !isHidden() && !isSubmit() && !isTrigger() && !isImage() && !isText();
        }

        public boolean isImage() {
            return IMAGE.equals(type);
        }

        public boolean isText() {
            return TEXT.equals(type);
        }

        /** An image's source: only a {@code data:} image or a path on this server, never another origin. */
        public String getSrc() {
            return value.startsWith("data:image/") || value.startsWith("/") && !value.startsWith("//") ? value : "";
        }

        public String getName() {
            return name;
        }

        public String getType() {
            return type;
        }

        public String getValue() {
            return value;
        }

        public boolean isRequired() {
            return required;
        }

        public String getAutocomplete() {
            return autocomplete == null ? "off" : autocomplete;
        }

        public String getLabel() {
            return label;
        }

        public List<MessageView> getMessages() {
            return messages;
        }

        public String getId() {
            return id;
        }

        /** The id of the element that holds this input's messages, which describe it. */
        public String getMessagesId() {
            return id + "-messages";
        }

        /** Whether a message of this input is an error ({@code aria-invalid}). */
        public boolean isInvalid() {
            return messages.stream().anyMatch(m -> "error".equals(m.type()));
        }
    }

    /** A message, translated. */
    public record MessageView(long id, String type, String text) {

        public long getId() {
            return id;
        }

        public String getType() {
            return type;
        }

        public String getText() {
            return text;
        }
    }

    /** One method offered by a form: its group and its own inputs and buttons. */
    public record MethodView(String group, List<NodeView> nodes) {

        public String getGroup() {
            return group;
        }

        public List<NodeView> getNodes() {
            return nodes;
        }
    }

    /**
     * One HTML form: the inputs shown once, then the methods.
     *
     * @param id      the element id: {@code flow-form}, or {@code flow-form-<group>} where each method has its own
     */
    public record FormView(String id, List<NodeView> shared, List<MethodView> methods) {

        public String getId() {
            return id;
        }

        public List<NodeView> getShared() {
            return shared;
        }

        public List<MethodView> getMethods() {
            return methods;
        }

        /** The method groups this form submits, space-separated. */
        public String getGroups() {
            return String.join(" ", methods.stream().map(MethodView::group).toList());
        }
    }

    public String getFlowId() {
        return flowId;
    }

    public void setFlowId(String flowId) {
        this.flowId = flowId;
    }

    /** The view action: load the flow or go and start a new one. */
    public void load(String kind) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        FlowKind k = FlowKind.valueOf(kind.toUpperCase(Locale.ROOT));
        try {
            Flow found = flows.load(tenant.id(), k, flowId);
            if (found.flavor() == Flavor.BROWSER && csrf.cookieMatches(request, found) && !flows.isExpired(found)) {
                Optional<String> elsewhere = k == FlowKind.SETTINGS ? settingsRefusal(request, found) : Optional.empty();
                if (elsewhere.isPresent()) {
                    external.redirect(elsewhere.get());
                    faces.responseComplete();
                    return;
                }
                flow = found;
                return;
            }
        } catch (FlowError e) {
            // missing or unknown: start over below
        }
        external.redirect(PublicUrls.of(request, "/self-service/" + k.path() + "/browser"));
        faces.responseComplete();
    }

    /**
     * Where a settings page goes instead of drawing its flow, as the settings API answers: to sign in without the
     * flow's identity's session, to the aal2 login (and back) with a session below the required level.
     */
    private Optional<String> settingsRefusal(HttpServletRequest request, Flow found) {
        Optional<SessionService.Authenticated> holder = sessionCookies.cookie(request)
                .flatMap(t -> sessions.authenticate(tenant.id(), t))
                .filter(h -> h.identity().id().equals(found.identity()));
        if (holder.isEmpty()) {
            return Optional.of(PublicUrls.of(request, "/self-service/login/browser"));
        }
        try {
            assurance.require(holder.get(), config.settingsRequiredAal(), PublicUrls.base(request), found.requestUrl());
            return Optional.empty();
        } catch (AalNotSatisfied e) {
            return Optional.of(e.redirectBrowserTo());
        }
    }

    public boolean isLoaded() {
        return flow != null;
    }

    public String getAction() {
        return flow.ui().action();
    }

    public String getState() {
        return flow.state().wire();
    }

    public List<MessageView> getMessages() {
        return flow.ui().messages().stream().map(this::message).toList();
    }

    /**
     * The forms of the page. Settings has one form per method (each changes something else); every other flow
     * is one form whose methods are its submit buttons.
     */
    public List<FormView> getForms() {
        Locale locale = language.getLocale();
        List<UiNode> nodes = flow.ui().nodes();
        String identifierLabel = identifierLabel(nodes, locale);
        Set<String> ids = new HashSet<>();
        List<FlowLayout.Form> forms = flow.kind() == FlowKind.SETTINGS ? FlowLayout.perMethod(nodes)
                : List.of(FlowLayout.single(nodes));
        return forms.stream().map(f -> new FormView(f.group() == null ? "flow-form" : "flow-form-" + f.group(),
                f.shared().stream().map(n -> view(n, FlowLayout.DEFAULT_GROUP, ids, locale, identifierLabel)).toList(),
                f.methods().stream().map(m -> new MethodView(m.group(),
                        m.nodes().stream().map(n -> view(n, m.group(), ids, locale, identifierLabel)).toList())).toList()))
                .toList();
    }

    /**
     * What the sign-in identifier stands for, from the default identity schema: the titles of the traits that
     * identify for the methods this form offers, translated and joined ("E-Mail or Username"). Null when the
     * schema names none, so the node keeps its own label.
     */
    private String identifierLabel(List<UiNode> nodes, Locale locale) {
        if (flow.kind() != FlowKind.LOGIN) {
            return null;
        }
        Set<CredentialKind> offered = EnumSet.noneOf(CredentialKind.class);
        for (UiNode n : nodes) {
            for (CredentialKind kind : CredentialKind.values()) {
                // an identifier-first form names the identifier before its methods: those that need no password
                if (kind.extensionKey().equals(n.group())
                        || IDENTIFIER_FIRST.equals(n.group()) && kind != CredentialKind.PASSWORD) {
                    offered.add(kind);
                }
            }
        }
        IdentitySchema schema = schemas.defaultSchema();
        List<String> titles = offered.isEmpty() || schema == null ? List.of() : schema.identifierTitles(offered);
        if (titles.isEmpty()) {
            return null;
        }
        return Translations.either(titles.stream().map(t -> Translations.traitTitle(t, locale)).toList(), locale);
    }

    private NodeView view(UiNode n, String section, Set<String> ids, Locale locale, String identifierLabel) {
        JsonValue value = n.attributes().get("value");
        String text = value == null || value.getValueType() == JsonValue.ValueType.NULL ? ""
                : value instanceof JsonString s ? s.getString() : value.toString();
        String label = n.label() == null ? n.name() : Translations.text(n.label(), locale);
        if (identifierLabel != null && IDENTIFIER.equals(n.name()) && (n.label() == null || n.label().id() == GENERIC_ID_LABEL)) {
            label = identifierLabel;
        }
        // a submit button is named by its value; a trigger's value is its options, so it is named alone
        String base = "node-" + n.name().replace('.', '-') + ("submit".equals(n.inputType()) ? "-" + text : "");
        String id = ids.add(base) ? base : section + "-" + base;
        ids.add(id);
        if (IMAGE.equals(n.nodeType())) {
            return new NodeView(n.name(), IMAGE, n.attributes().getString("src", ""), false, null, label, List.of(), id);
        }
        if ("text".equals(n.nodeType())) {
            JsonObject shown = n.attributes().getJsonObject("text");
            String words = shown == null ? "" : Translations.text(UiText.fromJson(shown), locale);
            return new NodeView(n.name(), TEXT, words, false, null, label, n.messages().stream().map(this::message).toList(), id);
        }
        return new NodeView(n.name(), n.inputType(), text, n.attributes().getBoolean("required", false),
                n.attributes().getString("autocomplete", null), label, n.messages().stream().map(this::message).toList(), id);
    }

    private MessageView message(UiText t) {
        return new MessageView(t.id(), t.type(), Translations.text(t, language.getLocale()));
    }
}
