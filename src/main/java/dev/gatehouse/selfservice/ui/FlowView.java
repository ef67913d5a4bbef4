package dev.gatehouse.selfservice.ui;

import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.platform.http.PublicUrls;
import dev.gatehouse.platform.ui.LanguageView;
import dev.gatehouse.selfservice.CsrfCookies;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowError;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.FlowService;
import dev.gatehouse.selfservice.UiNode;
import dev.gatehouse.selfservice.UiText;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders any browser flow generically from its {@code ui}: one HTML form per method group (each with the
 * shared "default" nodes such as the CSRF token), inputs from the nodes' attributes, labels and messages
 * translated by id. A flow that is missing, expired, of another browser or not a browser flow sends the
 * user to start a fresh one.
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

    private String flowId;
    private Flow flow;

    /** One input of the form, ready for the page. */
    public record NodeView(String name, String type, String value, boolean required, String autocomplete, String label,
                           List<MessageView> messages, String idPrefix) {

        /** The same node in another form of the page (its element id then starts with that form's group). */
        NodeView inForm(String group) {
            return new NodeView(name, type, value, required, autocomplete, label, messages, group + "-");
        }

        public boolean isHidden() {
            return "hidden".equals(type);
        }

        public boolean isSubmit() {
            return "submit".equals(type);
        }

        public boolean isField() {
            return !isHidden() && !isSubmit();
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
            return idPrefix + "node-" + name.replace('.', '-') + (isSubmit() ? "-" + value : "");
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

    /** One form: the nodes of a method group with the shared ones. */
    public record FormView(String group, List<NodeView> nodes) {

        public String getGroup() {
            return group;
        }

        public List<NodeView> getNodes() {
            return nodes;
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
                flow = found;
                return;
            }
        } catch (FlowError e) {
            // missing or unknown: start over below
        }
        external.redirect(PublicUrls.of(request, "/self-service/" + k.path() + "/browser"));
        faces.responseComplete();
    }

    public boolean isLoaded() {
        return flow != null;
    }

    public String getAction() {
        return flow.ui().action();
    }

    public String getState() {
        return flow.state();
    }

    public List<MessageView> getMessages() {
        return flow.ui().messages().stream().map(this::message).toList();
    }

    /**
     * One form per method group. The hidden "default" nodes (CSRF) go into every form; so do the visible ones
     * (identifier, traits) of sign-in and sign-up, which both the password and the code method submit: the
     * first form (password, where offered) shows them under their plain ids, the others under ids prefixed
     * with their group.
     */
    public List<FormView> getForms() {
        Locale locale = language.getLocale();
        boolean signIn = flow.kind() == FlowKind.REGISTRATION || flow.kind() == FlowKind.LOGIN;
        List<NodeView> shared = new ArrayList<>();
        List<NodeView> identifying = new ArrayList<>();
        Map<String, List<NodeView>> groups = new LinkedHashMap<>();
        for (UiNode n : flow.ui().nodes()) {
            NodeView v = view(n, locale);
            if (n.group().equals("default") && (v.isHidden() || !signIn)) {
                shared.add(v);
            } else if (n.group().equals("default")) {
                identifying.add(v);
            } else {
                groups.computeIfAbsent(n.group(), g -> new ArrayList<>()).add(v);
            }
        }
        List<FormView> forms = new ArrayList<>();
        groups.forEach((group, nodes) -> {
            List<NodeView> all = new ArrayList<>(shared);
            boolean first = forms.isEmpty();
            identifying.forEach(v -> all.add(first ? v : v.inForm(group)));
            all.addAll(nodes);
            forms.add(new FormView(group, all));
        });
        return forms;
    }

    private NodeView view(UiNode n, Locale locale) {
        JsonValue value = n.attributes().get("value");
        String text = value == null || value.getValueType() == JsonValue.ValueType.NULL ? ""
                : value instanceof JsonString s ? s.getString() : value.toString();
        return new NodeView(n.name(), n.inputType(), text, n.attributes().getBoolean("required", false),
                n.attributes().getString("autocomplete", null),
                n.label() == null ? n.name() : Translations.text(n.label(), locale),
                n.messages().stream().map(this::message).toList(), "");
    }

    private MessageView message(UiText t) {
        return new MessageView(t.id(), t.type(), Translations.text(t, language.getLocale()));
    }
}
