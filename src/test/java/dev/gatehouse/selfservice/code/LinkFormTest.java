package dev.gatehouse.selfservice.code;

import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.selfservice.AddressProof;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.FlowState;
import dev.gatehouse.selfservice.Ui;
import dev.gatehouse.selfservice.UiNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The forms and links of the link method, in Kratos' shape. */
class LinkFormTest {

    @Test
    void emailFormWhenLinkMethodThenKratosLinkGroupAndMethodValue() {
        Ui ui = CodeFlows.emailForm("http://h/self-service/recovery?flow=x", "secret", AddressProof.LINK, "");

        assertEquals(List.of("default", "link", "link"), ui.nodes().stream().map(UiNode::group).toList());
        assertEquals(List.of("csrf_token", "email", "method"), ui.nodes().stream().map(UiNode::name).toList());
        assertEquals(Optional.of("link"), ui.valueOf("method"));
    }

    @Test
    void emailFormWhenCodeMethodThenCodeGroupAndNoCsrfForApps() {
        Ui ui = CodeFlows.emailForm("http://h/self-service/verification?flow=x", null, AddressProof.CODE, "a@b.test");

        assertEquals(List.of("email", "method"), ui.nodes().stream().map(UiNode::name).toList());
        assertEquals(Optional.of("code"), ui.valueOf("method"));
        assertEquals(Optional.of("a@b.test"), ui.valueOf("email"));
    }

    @Test
    void linkWhenFlowServedUnderATenantPrefixThenKratosPathUnderTheSameBase() {
        UUID id = UUID.randomUUID();
        Flow flow = new Flow(id, TenantId.DEFAULT, FlowKind.VERIFICATION, Flavor.BROWSER, FlowState.SENT_EMAIL, null, null, null,
                null, null, false, new Ui("https://login.example/t/acme/self-service/verification?flow=" + id, "POST",
                List.of(), List.of()), Instant.now(), Instant.now());

        assertEquals("https://login.example/t/acme/self-service/verification?flow=" + id + "&token=tok", CodeFlows.link(flow, "tok"));
    }

    @Test
    void addressProofWhenParsedThenOnlyKratosNames() {
        assertEquals(Optional.of(AddressProof.LINK), AddressProof.parse("link"));
        assertEquals(Optional.of(AddressProof.CODE), AddressProof.parse("code"));
        assertEquals(Optional.empty(), AddressProof.parse("LINK"));
        assertEquals(Optional.empty(), AddressProof.parse("password"));
    }
}
