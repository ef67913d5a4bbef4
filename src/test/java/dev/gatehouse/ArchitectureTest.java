package dev.gatehouse;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.implement;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Which package may import which (docs/architecture.md draws the map). Dependencies run one way: {@code kernel} at
 * the bottom, {@code platform} on it, the capabilities on both; {@code admin} on top, imported by no one. The token
 * server ({@code oauth2}, {@code oidc}) and the gateway reach the identity service (identities, credentials,
 * sessions, self-service, the courier) only through ports they own, implemented by adapters in the providing
 * capability's {@code adapter} package; the gateway reaches the token server the same way. No two packages depend on
 * each other, directly or around a loop. A broken rule names the offending class and the dependency.
 */
@AnalyzeClasses(packages = "dev.gatehouse", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String GATEHOUSE = "dev.gatehouse..";
    private static final String KERNEL = "dev.gatehouse.kernel..";
    private static final String PLATFORM = "dev.gatehouse.platform..";
    private static final String TOKEN_SERVER_PORTS = "dev.gatehouse.oauth2.port..";
    private static final String GATEWAY_PORTS = "dev.gatehouse.gateway.port..";
    private static final String SELF_SERVICE = "dev.gatehouse.selfservice..";
    /** The identity service: what the token server and the gateway see only through their ports. */
    private static final String[] IDENTITY_SERVICE = {"dev.gatehouse.identity..", "dev.gatehouse.credential..",
            "dev.gatehouse.session..", "dev.gatehouse.selfservice..", "dev.gatehouse.courier.."};
    private static final String[] TOKEN_SERVER = {"dev.gatehouse.oauth2..", "dev.gatehouse.oidc.."};

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
                    + "(e.g. platform.db.TenantDirectory)");

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
    static final ArchRule gatewayReachesOtherServicesOnlyThroughItsPorts = noClasses()
            .that().resideInAPackage("dev.gatehouse.gateway..")
            .should().dependOnClassesThat().resideInAnyPackage(IDENTITY_SERVICE)
            .orShould().dependOnClassesThat().resideInAnyPackage(TOKEN_SERVER)
            .because("the gateway asks dev.gatehouse.gateway.port (SessionLookup, LocalIntrospection), whose "
                    + "adapters live in the session and token server capabilities, so it builds and tests on its own");

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
                    "dev.gatehouse.selfservice.adapter..", "dev.gatehouse.oauth2.adapter..")
            .because("adapters live in the capability that provides what the port asks for");

    @ArchTest
    static final ArchRule capabilitiesAreFreeOfCycles = slices()
            .matching("dev.gatehouse.(*)..")
            .should().beFreeOfCycles();

    /**
     * Every package on its own. Self-service's own packages still depend on each other around loops (the flow
     * root, {@code code}, {@code registration}, {@code verification}) while it is being reshaped into one strategy
     * package per method; until that lands, dependencies from self-service to self-service are left out here. Drop
     * the {@code ignoreDependency} line once self-service is free of cycles.
     */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices()
            .matching("dev.gatehouse.(**)")
            .should().beFreeOfCycles()
            .ignoreDependency(resideInAPackage(SELF_SERVICE), resideInAPackage(SELF_SERVICE));
}
