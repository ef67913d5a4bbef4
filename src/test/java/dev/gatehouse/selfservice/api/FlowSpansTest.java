package dev.gatehouse.selfservice.api;

import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.Submission;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FlowSpansTest {

    private final FlowSpans spans = FlowSpans.untraced(Set.of("password", "code"));

    private static Submission json(String body) {
        return Submission.parse("application/json", new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void methodWhenOneGatehouseHasThenNamed() {
        assertEquals("password", spans.method(json("{\"method\":\"password\"}")));
        assertEquals("code", spans.method(json("{\"method\":\"code\"}")));
    }

    @Test
    void methodWhenUnknownOrMissingThenOtherSoSpanNamesStayBounded() {
        assertEquals("other", spans.method(json("{\"method\":\"x-" + "a".repeat(500) + "\"}")));
        assertEquals("other", spans.method(json("{\"method\":\"eyJhbGciOiJIUzI1NiJ9.secret\"}")));
        assertEquals("other", spans.method(json("{}")));
    }

    @Test
    void submittedWhenUntracedThenRunsTheStepAndGivesItsResult() {
        String result = spans.submitted(FlowKind.LOGIN, Flavor.API, json("{\"method\":\"password\"}"), () -> "done", r -> "accepted");
        assertEquals("done", result);
        assertEquals("flow", spans.created(FlowKind.LOGIN, Flavor.BROWSER, () -> "flow"));
    }
}
