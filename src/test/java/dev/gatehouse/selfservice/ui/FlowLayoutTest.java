package dev.gatehouse.selfservice.ui;

import dev.gatehouse.selfservice.UiNode;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where the nodes of a flow are drawn: each input once, the methods as choices, settings one form per method. */
class FlowLayoutTest {

    @Test
    void singleWhenTraitsInDefaultGroupThenEachOnceBeforeTheMethods() {
        FlowLayout.Form form = FlowLayout.single(List.of(csrf(), field("default", "traits.email"),
                field("default", "traits.name.first"), field("password", "password"), button("password", "method", "password"),
                button("code", "method", "code")));

        assertEquals(List.of("csrf_token", "traits.email", "traits.name.first"), names(form.shared()));
        assertEquals(List.of("password", "code"), form.methods().stream().map(FlowLayout.Method::group).toList());
        assertEquals(List.of("password", "method"), names(form.methods().get(0).nodes()));
        assertEquals(List.of("method"), names(form.methods().get(1).nodes()));
    }

    @Test
    void singleWhenEveryMethodRepeatsTheTraitsThenEachTraitOnce() {
        FlowLayout.Form form = FlowLayout.single(List.of(csrf(), field("password", "traits.email"),
                field("password", "password"), button("password", "method", "password"),
                field("code", "traits.email"), button("code", "method", "code")));

        assertEquals(List.of("csrf_token", "traits.email"), names(form.shared()));
        assertEquals("password", form.shared().get(1).group(), "the first of the repeated nodes is drawn");
        assertEquals(List.of("password", "method"), names(form.methods().get(0).nodes()));
        assertEquals(List.of("method"), names(form.methods().get(1).nodes()));
    }

    @Test
    void singleWhenHiddenSharedNodeLaterInTheListThenHiddenFirst() {
        FlowLayout.Form form = FlowLayout.single(List.of(field("default", "identifier"), csrf(),
                field("password", "password"), button("password", "method", "password")));

        assertEquals(List.of("csrf_token", "identifier"), names(form.shared()));
    }

    @Test
    void singleWhenCodeWasSentThenTheCodeMethodKeepsItsOwnHiddenIdentifierAndButtons() {
        FlowLayout.Form form = FlowLayout.single(List.of(csrf(), node("code", "identifier", "hidden", "a@b.test"),
                field("code", "code"), button("code", "method", "code"), button("code", "resend", "code")));

        assertEquals(List.of("csrf_token"), names(form.shared()));
        assertEquals(List.of("identifier", "code", "method", "resend"), names(form.methods().get(0).nodes()));
    }

    @Test
    void perMethodWhenSettingsThenOneFormPerGroupEachWithTheCsrfToken() {
        List<FlowLayout.Form> forms = FlowLayout.perMethod(List.of(csrf(), field("profile", "traits.email"),
                button("profile", "method", "profile"), field("password", "password"), button("password", "method", "password")));

        assertEquals(List.of("profile", "password"), forms.stream().map(FlowLayout.Form::group).toList());
        assertEquals(List.of("csrf_token"), names(forms.get(0).shared()));
        assertEquals(List.of("traits.email", "method"), names(forms.get(0).methods().get(0).nodes()));
        assertEquals(List.of("csrf_token"), names(forms.get(1).shared()));
        assertEquals(List.of("password", "method"), names(forms.get(1).methods().get(0).nodes()));
    }

    @Test
    void perMethodWhenTraitsRepeatedInTwoGroupsThenOnlyInTheFirstForm() {
        List<FlowLayout.Form> forms = FlowLayout.perMethod(List.of(csrf(), field("profile", "traits.email"),
                button("profile", "method", "profile"), field("code", "traits.email"), button("code", "method", "code")));

        assertEquals(List.of("csrf_token", "traits.email"), names(forms.get(0).shared()));
        assertEquals(List.of("csrf_token"), names(forms.get(1).shared()));
        assertEquals(List.of("method"), names(forms.get(1).methods().get(0).nodes()));
    }

    private static List<String> names(List<UiNode> nodes) {
        return nodes.stream().map(UiNode::name).toList();
    }

    private static UiNode csrf() {
        return node("default", "csrf_token", "hidden", "secret");
    }

    private static UiNode field(String group, String name) {
        return node(group, name, "text", "");
    }

    private static UiNode button(String group, String name, String value) {
        return node(group, name, "submit", value);
    }

    private static UiNode node(String group, String name, String type, String value) {
        return UiNode.input(group, name, type, Json.createValue(value), false, null, null);
    }
}
