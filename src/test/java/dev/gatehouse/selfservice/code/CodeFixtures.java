package dev.gatehouse.selfservice.code;

import dev.gatehouse.courier.Channel;
import dev.gatehouse.courier.MessageTemplate;
import dev.gatehouse.identity.AddressPurpose;
import dev.gatehouse.identity.Identity;
import dev.gatehouse.identity.IdentityDraft;
import dev.gatehouse.identity.IdentityId;
import dev.gatehouse.identity.IdentityService;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.secrets.TokenHasher;
import dev.gatehouse.platform.throttle.FailureCounts;
import dev.gatehouse.platform.throttle.InMemoryFailureCounts;
import dev.gatehouse.selfservice.SelfServiceFixtures;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the tests of the code and link methods share: codes in memory, identities by address, mails as sent. */
public final class CodeFixtures {

    public final InMemoryOneTimeCodeRepository repository = new InMemoryOneTimeCodeRepository();
    public final OneTimeCodes codes;
    public final Identities identities = new Identities();
    public final Mails mails = new Mails();
    public final CodeFlows steps;
    public final SendLimits limits;

    public CodeFixtures(SelfServiceFixtures f) {
        TokenHasher hasher = new TokenHasher() {
            @Override
            public String hash(String token) {
                return "h:" + token;
            }

            @Override
            public boolean matches(String token, String storedHash) {
                return storedHash.equals(hash(token));
            }
        };
        this.codes = new OneTimeCodes(repository, hasher, f.config, f.clock);
        this.steps = new CodeFlows(f.flows, identities, f.config, f.clock);
        this.limits = new SendLimits(new FailureCounts(new InMemoryFailureCounts()), f.config, f.clock);
    }

    /** Active identities by address (for every purpose), and the addresses marked verified. */
    public static final class Identities extends IdentityService {
        public final List<Identity> known = new ArrayList<>();
        public final Set<String> verified = new HashSet<>();
        public final List<IdentityDraft> created = new ArrayList<>();

        @Override
        public Identity create(TenantId tenant, IdentityDraft draft, String actor) {
            created.add(draft);
            return add(SelfServiceFixtures.identity(draft.traits().getString("email", draft.traits().getString("phone", "")), null));
        }

        public Identity add(Identity identity) {
            known.add(identity);
            return identity;
        }

        private Optional<Identity> byAddress(String address) {
            return known.stream().filter(i -> i.traits().getString("email", "").equalsIgnoreCase(address)).findFirst();
        }

        @Override
        public Optional<Identity> find(TenantId tenant, String id) {
            return known.stream().filter(i -> i.id().value().toString().equals(id)).findFirst();
        }

        @Override
        public Optional<Identity> findByCodeIdentifier(TenantId tenant, String address) {
            return byAddress(address);
        }

        @Override
        public Optional<Identity> findByEmailAddress(TenantId tenant, AddressPurpose purpose, String address) {
            return byAddress(address);
        }

        @Override
        public Optional<Identity> findByPhoneNumber(TenantId tenant, AddressPurpose purpose, String number) {
            return known.stream().filter(i -> i.verifiableAddresses().stream().anyMatch(a -> a.value().equals(number))).findFirst();
        }

        @Override
        public boolean markVerified(TenantId tenant, IdentityId id, String address) {
            return verified.add(address);
        }
    }

    /** Messages as handed to the courier: template, recipient, model and channel. */
    public static final class Mails extends CodeMessages {
        public record Mail(MessageTemplate template, String to, Map<String, String> model, Channel channel) {
        }

        public final List<Mail> sent = new ArrayList<>();

        @Override
        public void send(TenantId tenant, MessageTemplate template, String to, IdentityId identity, String code) {
            send(tenant, template, to, identity, Map.of("code", code, "to", to));
        }

        @Override
        public void send(TenantId tenant, MessageTemplate template, String to, IdentityId identity, Map<String, String> model) {
            send(tenant, Channel.EMAIL, template, to, identity, model);
        }

        @Override
        public void send(TenantId tenant, Channel channel, MessageTemplate template, String to, IdentityId identity,
                         Map<String, String> model) {
            sent.add(new Mail(template, to, model, channel));
        }

        public Mail last() {
            return sent.get(sent.size() - 1);
        }
    }
}
