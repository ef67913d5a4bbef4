package dev.gatehouse.admin.console.keys;

import dev.gatehouse.admin.console.ConsoleMessages;
import dev.gatehouse.jwk.KeyRing;
import dev.gatehouse.jwk.KeySetName;
import dev.gatehouse.jwk.SigningKey;
import dev.gatehouse.kernel.tenant.CurrentTenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The signing keys page: the tenant's key sets, each with its keys (kid, algorithm, state, age), newest first. "Rotate
 * now" adds a key that signs from now on, as {@code POST /admin/keys/{set}} does (the old signer retires after
 * {@code gatehouse.jwk.retire-after}); "retire" ends a replaced key's verifying early, as
 * {@code DELETE /admin/keys/{set}/{kid}} does. Both go through {@link KeyRing} with the console user as actor.
 * Keys past their retirement verify nothing and are no longer listed.
 */
@Named
@RequestScoped
public class KeysView {

    @Inject
    KeyRing ring;
    @Inject
    CurrentTenant tenant;
    @Inject
    Clock clock;

    private Map<String, List<Row>> sets;

    /** A key as the page shows it. */
    public record Row(String set, String kid, String alg, String state, String age, boolean signs) {
    }

    /** The tenant's key sets by name, each with its keys that still verify, newest first. */
    public Map<String, List<Row>> getSets() {
        if (sets == null) {
            sets = ring.verifying(tenant.id()).stream()
                    .sorted(Comparator.comparing(SigningKey::activatedAt).reversed())
                    .map(this::row)
                    .collect(Collectors.groupingBy(Row::set, TreeMap::new, Collectors.toList()));
        }
        return sets;
    }

    public List<String> getSetNames() {
        return List.copyOf(getSets().keySet());
    }

    /** Adds a signing key to the form's {@code set}, of its current signer's algorithm. */
    public String rotate() {
        Optional<KeySetName> set = set("set");
        Optional<SigningKey> signer = set.flatMap(s -> ring.verifying(tenant.id(), s).stream().filter(SigningKey::signs).findFirst());
        if (signer.isEmpty()) {
            ConsoleMessages.error("console.keys.unknown");
            return null;
        }
        ring.create(tenant.id(), set.get(), signer.get().alg(), Optional.empty(), ConsoleMessages.actor());
        ConsoleMessages.info("console.keys.rotated");
        sets = null;
        return null;
    }

    /** Stops the form's replaced key ({@code kid} in {@code set}) verifying now; the signing key is not retired here. */
    public String retire() {
        Optional<KeySetName> set = set("id");
        String kid = request().getParameter("kid");
        Optional<SigningKey> key = set.flatMap(s -> ring.verifying(tenant.id(), s).stream().filter(k -> k.kid().equals(kid)).findFirst());
        if (key.isEmpty()) {
            ConsoleMessages.error("console.keys.unknown");
        } else if (key.get().signs()) {
            ConsoleMessages.error("console.keys.retire.signer");
        } else if (ring.deleteKey(tenant.id(), set.get(), kid, ConsoleMessages.actor())) {
            sets = null;
            ConsoleMessages.info("console.keys.retired");
        }
        return null;
    }

    private Row row(SigningKey k) {
        String state = k.signs() ? "active" : "retiring";
        return new Row(k.set().value(), k.kid(), k.alg().name(), state, age(Duration.between(k.createdAt(), clock.instant())), k.signs());
    }

    /** An age as the page shows it: days, else hours, else minutes. */
    static String age(Duration d) {
        if (d.toDays() > 0) {
            return d.toDays() + " d";
        }
        return d.toHours() > 0 ? d.toHours() + " h" : Math.max(0, d.toMinutes()) + " min";
    }

    /** The key set named by the form's {@code parameter}. */
    private static Optional<KeySetName> set(String parameter) {
        try {
            return Optional.ofNullable(request().getParameter(parameter)).map(KeySetName::new);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
