package dev.gatehouse;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.implement;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which package may import which (docs/architecture.md draws the map). Dependencies run one way: {@code kernel} at
 * the bottom, {@code platform} on it, the capabilities on both; {@code admin} on top, imported by no one. The token
 * server ({@code oauth2}, {@code oidc}) and the gateway reach the identity service (identities, credentials,
 * sessions, self-service, the courier) only through ports they own, implemented by adapters in the providing
 * capability's {@code adapter} package; the gateway reaches the token server and tenants the same way, so each
 * builds on the kernel, the platform and the signing keys ({@code jwk}) alone. No two packages depend on
 * each other, directly or around a loop. A broken rule names the offending class and the dependency.
 */
@AnalyzeClasses(packages = "dev.gatehouse", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String GATEHOUSE = "dev.gatehouse..";
    private static final String KERNEL = "dev.gatehouse.kernel..";
    private static final String PLATFORM = "dev.gatehouse.platform..";
    private static final String TOKEN_SERVER_PORTS = "dev.gatehouse.oauth2.port..";
    private static final String GATEWAY = "dev.gatehouse.gateway..";
    private static final String AUDIT = "dev.gatehouse.audit..";
    private static final String GATEWAY_PORTS = "dev.gatehouse.gateway.port..";
    /** The identity service: what the token server and the gateway see only through their ports. */
    private static final String[] IDENTITY_SERVICE = {"dev.gatehouse.identity..", "dev.gatehouse.credential..",
            "dev.gatehouse.session..", "dev.gatehouse.selfservice..", "dev.gatehouse.courier.."};
    private static final String[] TOKEN_SERVER = {"dev.gatehouse.oauth2..", "dev.gatehouse.oidc.."};
    /** A persistence package ({@code jpa}, or {@code jdbc} where JPA cannot say it) and the capability it is in. */
    private static final Pattern PERSISTENCE = Pattern.compile("dev\\.gatehouse\\.(\\w+)(\\.\\w+)*\\.(jpa|jdbc)(\\..*)?");

    @ArchTest
    static final ArchRule kernelImportsNoOtherGatehousePackage = noClasses()
            .that().resideInAPackage(KERNEL)
            .should().dependOnClassesThat(resideInAPackage(GATEHOUSE).and(not(resideInAPackage(KERNEL))))
            .because("the kernel is the bottom layer: clock, ids, JSON, problem details, the tenant id");

    @ArchTest
    static final ArchRule platformImportsOnlyTheKernel = noClasses()
            .that().resideInAPackage(PLATFORM)
            .should().dependOnClassesThat(resideInAPackage(GATEHOUSE).and(not(resideInAnyPackage(KERNEL, PLATFORM))))
            .because("the platform serves every capability and so imports none; it asks them through ports it owns "
                    + "(e.g. platform.db.ExpiredRows)");

    @ArchTest
    static final ArchRule noCapabilityImportsAdmin = noClasses()
            .that().resideOutsideOfPackage("dev.gatehouse.admin..")
            .should().dependOnClassesThat().resideInAPackage("dev.gatehouse.admin..")
            .because("the admin console and API sit on top of the capabilities");

    @ArchTest
    static final ArchRule tokenServerReachesTheIdentityServiceOnlyThroughItsPorts = noClasses()
            .that().resideInAnyPackage(TOKEN_SERVER)
            .should().dependOnClassesThat().resideInAnyPackage(IDENTITY_SERVICE)
            .because("the token server asks dev.gatehouse.oauth2.port (SubjectClaims, IdentitySessions, SlowHash), "
                    + "whose adapters live in the identity service, so it builds and tests on its own");

    @ArchTest
    static final ArchRule tokenServerBuildsOnItsOwn = noClasses()
            .that().resideInAnyPackage(TOKEN_SERVER).and().resideOutsideOfPackage("dev.gatehouse.oauth2.adapter..")
            .should().dependOnClassesThat(resideInAPackage(GATEHOUSE).and(not(resideInAnyPackage(
                    "dev.gatehouse.oauth2..", "dev.gatehouse.oidc..", "dev.gatehouse.jwk..", KERNEL, PLATFORM))))
            .because("the token server is oauth2, oidc and its signing keys (jwk) on the kernel and the platform; "
                    + "only its adapter package also sees the gateway's ports, to implement them");

    @ArchTest
    static final ArchRule gatewayReachesOtherServicesOnlyThroughItsPorts = noClasses()
            .that().resideInAPackage(GATEWAY)
            .should().dependOnClassesThat().resideInAnyPackage(IDENTITY_SERVICE)
            .orShould().dependOnClassesThat().resideInAnyPackage(TOKEN_SERVER)
            .because("the gateway asks dev.gatehouse.gateway.port (SessionLookup, LocalIntrospection, TenantByHost), "
                    + "whose adapters live in the providing capabilities, so it builds and tests on its own");

    @ArchTest
    static final ArchRule gatewayBuildsOnItsOwn = noClasses()
            .that().resideInAPackage(GATEWAY)
            .should().dependOnClassesThat(resideInAPackage(GATEHOUSE).and(not(resideInAnyPackage(
                    GATEWAY, "dev.gatehouse.jwk..", KERNEL, PLATFORM))))
            .because("the gateway is its rules and handlers and the signing keys its id_token mutator uses (jwk) on "
                    + "the kernel and the platform");

    @ArchTest
    static final ArchRule portsSpeakOnlyKernelTypes = noClasses()
            .that().resideInAnyPackage(TOKEN_SERVER_PORTS, GATEWAY_PORTS)
            .should().dependOnClassesThat(resideInAPackage(GATEHOUSE)
                    .and(not(resideInAnyPackage(KERNEL, TOKEN_SERVER_PORTS, GATEWAY_PORTS))))
            .because("a port that named a provider's type would bring the provider back into the consumer's build");

    @ArchTest
    static final ArchRule tokenServerPortsAreImplementedByIdentityServiceAdapters = classes()
            .that(implement(resideInAPackage(TOKEN_SERVER_PORTS)))
            .should().resideInAnyPackage("dev.gatehouse.identity.adapter..", "dev.gatehouse.credential.adapter..",
                    "dev.gatehouse.session.adapter..", "dev.gatehouse.selfservice.adapter..")
            .because("adapters live in the capability that provides what the port asks for");

    @ArchTest
    static final ArchRule gatewayPortsAreImplementedByProviderAdapters = classes()
            .that(implement(resideInAPackage(GATEWAY_PORTS)))
            .should().resideInAnyPackage("dev.gatehouse.identity.adapter..", "dev.gatehouse.session.adapter..",
                    "dev.gatehouse.selfservice.adapter..", "dev.gatehouse.oauth2.adapter..",
                    "dev.gatehouse.tenant.adapter..")
            .because("adapters live in the capability that provides what the port asks for");

    @ArchTest
    static final ArchRule noOneImportsTheAuditLog = noClasses()
            .that().resideOutsideOfPackage(AUDIT)
            .should().dependOnClassesThat().resideInAPackage(AUDIT)
            .because("the audit log observes the security events every capability fires; none of them calls it");

    @ArchTest
    static final ArchRule auditLogBuildsOnFewCapabilities = noClasses()
            .that().resideInAPackage(AUDIT)
            .should().dependOnClassesThat(resideInAPackage(GATEHOUSE).and(not(resideInAnyPackage(
                    AUDIT, KERNEL, PLATFORM, "dev.gatehouse.identity", "dev.gatehouse.tenant.settings",
                    "dev.gatehouse.jwk"))))
            .because("the audit log needs only the event model, the platform, identities (for include=identity), "
                    + "tenants' settings (for each tenant's retention and IP masking) and the key-encryption key (to "
                    + "seal alert webhook secrets as signing keys are sealed)");

    @ArchTest
    static final ArchRule noCapabilityReachesIntoAnothersPersistence = classes()
            .that().resideInAPackage(GATEHOUSE)
            .should(notDependOnAnotherCapabilitysPersistence())
            .because("a capability's jpa/ (or jdbc/) is how it stores its own data; others ask its repositories' "
                    + "interfaces or its services");

    @ArchTest
    static final ArchRule capabilitiesAreFreeOfCycles = slices()
            .matching("dev.gatehouse.(*)..")
            .should().beFreeOfCycles();

    /**
     * Every package on its own, self-service's flow and method packages included.
     */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices()
            .matching("dev.gatehouse.(**)")
            .should().beFreeOfCycles();

    /**
     * JSON-P values come from the one provider {@code JsonP} holds: {@code Json.createX} looks a provider up on every
     * call, which costs more than the value built.
     */
    @ArchTest
    static final ArchRule jsonValuesComeFromTheHeldProvider = noClasses()
            .that().resideInAPackage("dev.gatehouse..")
            .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                            com.tngtech.archunit.core.domain.JavaClass.Predicates.type(jakarta.json.Json.class))))
            .because("JsonP holds the provider that Json looks up again on every call");

    private static ArchCondition<JavaClass> notDependOnAnotherCapabilitysPersistence() {
        return new ArchCondition<>("not depend on another capability's jpa or jdbc package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String own = capability(origin.getPackageName());
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    Matcher m = PERSISTENCE.matcher(d.getTargetClass().getPackageName());
                    if (m.matches() && !m.group(1).equals(own)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }

    private static String capability(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }
}
