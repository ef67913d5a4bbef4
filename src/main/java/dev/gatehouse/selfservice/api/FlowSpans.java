package dev.gatehouse.selfservice.api;

import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.platform.trace.Tracing;
import dev.gatehouse.selfservice.Flavor;
import dev.gatehouse.selfservice.FlowError;
import dev.gatehouse.selfservice.FlowKind;
import dev.gatehouse.selfservice.FlowMethod;
import dev.gatehouse.selfservice.Submission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The spans of a self-service flow's steps: {@code selfservice <flow> create} when a flow starts and
 * {@code selfservice <flow> submit <method>} for each submission, with the flow, its flavor, the method and the
 * outcome as attributes. A method is named only if it is one Gatehouse has ({@code other} for whatever else a
 * client sends), so names and attributes stay bounded.
 */
@ApplicationScoped
public class FlowSpans {

    private static final String FLOW = "selfservice.flow";
    private static final String FLAVOR = "selfservice.flavor";
    private static final String METHOD = "selfservice.method";

    private Tracing tracing;
    private Set<String> methods;

    protected FlowSpans() {
    }

    @Inject
    public FlowSpans(Tracing tracing, @Any Instance<FlowMethod> methods) {
        this.tracing = tracing;
        this.methods = methods.stream().map(FlowMethod::id).collect(Collectors.toUnmodifiableSet());
    }

    /** Spans that record nothing, with these methods known (unit tests). */
    public static FlowSpans untraced(Set<String> methods) {
        FlowSpans spans = new FlowSpans();
        spans.tracing = Tracing.none();
        spans.methods = Set.copyOf(methods);
        return spans;
    }

    public <T> T created(FlowKind kind, Flavor flavor, Supplier<T> create) {
        return tracing.span("selfservice " + kind.path() + " create", create, flow -> "created", FlowSpans::failure,
                FLOW, kind.path(), FLAVOR, flavor.name().toLowerCase(Locale.ROOT));
    }

    public <T> T submitted(FlowKind kind, Flavor flavor, Submission submission, Supplier<T> submit,
                           Function<? super T, String> outcome) {
        String method = method(submission);
        return tracing.span("selfservice " + kind.path() + " submit " + method, submit, outcome, FlowSpans::failure,
                FLOW, kind.path(), FLAVOR, flavor.name().toLowerCase(Locale.ROOT), METHOD, method);
    }

    /** The submission's method if Gatehouse has one of that name, else {@code other}. */
    String method(Submission submission) {
        return submission.field("method").filter(methods::contains).orElse("other");
    }

    private static String failure(RuntimeException e) {
        if (e instanceof FlowError error) {
            return "refused_" + error.kind().name().toLowerCase(Locale.ROOT);
        }
        return e instanceof ApiException ? "invalid" : Tracing.FAILED;
    }
}
