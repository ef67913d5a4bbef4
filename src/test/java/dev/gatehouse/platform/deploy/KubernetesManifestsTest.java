package dev.gatehouse.platform.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes manifests in {@code liberty/kubernetes/} are valid Kubernetes objects that fit the product
 * ({@link KubernetesManifests}), and each kind of mistake in them is caught: a copy of the manifests with one
 * change must show that change's problem.
 */
public class KubernetesManifestsTest {

    private static final Path ROOT = Path.of("");

    @TempDir
    Path copy;

    @Test
    void problemsWhenShippedManifestsThenNone() throws IOException {
        assertEquals(List.of(), KubernetesManifests.problems(KubernetesManifests.DIR, ROOT));
    }

    @Test
    void problemsWhenFieldMisspeltThenNamesIt() throws IOException {
        assertProblem("deployment.yaml", "livenessProbe:", "livenesProbe:", "has no field [livenesProbe]");
    }

    @Test
    void problemsWhenNumberIsTextThenNotValid() throws IOException {
        assertProblem("deployment.yaml", "replicas: 3", "replicas: three", "not a valid apps/v1/Deployment");
    }

    @Test
    void problemsWhenTextIsNumberThenNotValid() throws IOException {
        assertProblem("service.yaml", "type: ClusterIP", "type: 42", "not a valid v1/Service");
    }

    @Test
    void problemsWhenProbeAsksPathNobodyServesThenNamesIt() throws IOException {
        assertProblem("deployment.yaml", "path: /health/ready", "path: /healthz", "readinessProbe asks for /healthz");
    }

    @Test
    void problemsWhenProbeAsksOtherPortThenNamesIt() throws IOException {
        assertProblem("deployment.yaml", "containerPort: 9080", "containerPort: 8080", "but the server listens for HTTP on 9080");
    }

    @Test
    void problemsWhenEnvironmentVariableIsNoKeyThenNamesIt() throws IOException {
        assertProblem("configmap.yaml", "GATEHOUSE_DB_POOL_MAX:", "GATEHOUSE_DB_POOL_SIZE:", "GATEHOUSE_DB_POOL_SIZE is no configuration key");
    }

    @Test
    void problemsWhenSecretHoldsRealValueThenNamesIt() throws IOException {
        assertProblem("secret.yaml", "\"<openssl rand -base64 32>\"", "\"q5x0sT3Yc1hZx9v8LrGm0bA1cD2eF3gH4iJ5kL6mN7o=\"",
                "Secret value GATEHOUSE_JWK_KEK is not a <placeholder>");
    }

    @Test
    void problemsWhenNetworkPolicyOpensEveryPortThenNamesIt() throws IOException {
        assertProblem("networkpolicy.yaml", "  ingress:\n    - ports:\n        - port: http\n          protocol: TCP\n",
                "  ingress:\n    - {}\n", "lets in every port");
    }

    @Test
    void problemsWhenDatabaseUrlHasOneHostAndNoPrimaryThenNamesBoth() throws IOException {
        List<String> problems = problemsAfter("configmap.yaml", "gatehouse-db-rw:5432,gatehouse-db-r:5432/gatehouse?targetServerType=primary&",
                "gatehouse-db-rw:5432/gatehouse?");
        assertTrue(problems.stream().anyMatch(p -> p.contains("lists one host")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("lacks targetServerType=primary")), problems.toString());
    }

    @Test
    void problemsWhenClusterHasUnknownFieldOrNoArchiveThenNamesThem() throws IOException {
        List<String> problems = problemsAfter("postgres-cluster.yaml", "  backup:\n", "  backups:\n");
        assertTrue(problems.contains("postgres-cluster.yaml: Cluster.spec has no field backups"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("no point-in-time recovery")), problems.toString());
    }

    @Test
    void problemsWhenDatabaseUrlNamesAnotherDatabaseThanTheClusterCreatesThenNamesBoth() throws IOException {
        assertProblem("postgres-cluster.yaml", "      database: gatehouse\n", "      database: identity\n",
                "GATEHOUSE_DB_URL names database gatehouse, the Cluster creates identity");
    }

    @Test
    void problemsWhenContainerfileCopiesWhatTheRepositoryLacksThenNamesIt() throws IOException {
        assertProblem("Containerfile", "liberty/jvm.options", "liberty/jvm.opts", "Containerfile copies liberty/jvm.opts");
    }

    @Test
    void problemsWhenContainerfileBuiltOnAnotherImageThenNamesIt() throws IOException {
        assertProblem("Containerfile", "FROM icr.io/appcafe/open-liberty:", "FROM docker.io/library/tomcat:", "not built on icr.io/appcafe/open-liberty");
    }

    @Test
    void problemsWhenKindUnknownThenNamesIt() throws IOException {
        assertProblem("poddisruptionbudget.yaml", "apiVersion: policy/v1", "apiVersion: policy/v1beta1",
                "unknown apiVersion/kind policy/v1beta1/PodDisruptionBudget");
    }

    private void assertProblem(String file, String from, String to, String expected) throws IOException {
        List<String> problems = problemsAfter(file, from, to);
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), "expected \"" + expected + "\" in " + problems);
    }

    /** The problems of a copy of the manifests in which {@code file} has {@code from} replaced by {@code to}. */
    private List<String> problemsAfter(String file, String from, String to) throws IOException {
        try (Stream<Path> files = Files.list(KubernetesManifests.DIR)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Path target = copy.resolve(file);
        String text = Files.readString(target);
        assertTrue(text.contains(from), file + " no longer contains " + from);
        Files.writeString(target, text.replace(from, to));
        return KubernetesManifests.problems(copy, ROOT);
    }
}
