package dev.gatehouse.selfservice;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * What every method of a flow (Kratos' strategy: {@code password}, {@code code}, {@code link}, {@code profile})
 * has: the name a submission's {@code method} field gives, and its place on the form. The flow handlers find
 * their methods as beans, so adding a method is adding a package with its beans; no handler names one.
 */
public interface FlowMethod {

    /** The value of the {@code method} field that submits to this method (Kratos' method name). */
    String id();

    /** Where the method's nodes stand on the form, lowest first; the first is also the default method. */
    int order();

    /**
     * Whether this method takes a password. A password-free tenant ({@link LoginStyle}) neither offers nor
     * accepts such a method on sign-in and sign-up.
     */
    default boolean asksForPassword() {
        return false;
    }

    /** The methods in the order of their nodes. */
    static <M extends FlowMethod> List<M> sorted(Iterable<M> methods) {
        return StreamSupport.stream(methods.spliterator(), false).sorted(Comparator.comparingInt(FlowMethod::order)).toList();
    }

    /** The method named {@code id} among {@code methods}. */
    static <M extends FlowMethod> Optional<M> named(List<M> methods, String id) {
        return methods.stream().filter(m -> m.id().equals(id)).findFirst();
    }
}
