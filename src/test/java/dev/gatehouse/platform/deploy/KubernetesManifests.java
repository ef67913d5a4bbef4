package dev.gatehouse.platform.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the Kubernetes manifests in {@code liberty/kubernetes/} and lists every problem found. Each document is
 * read into fabric8's typed Kubernetes model strictly: a field the API does not have, or a value of the wrong
 * type, is a problem (the model itself would keep an unknown field aside and turn a number into a string). Then
 * what the manifests say is held against the product: probes ask for the health endpoints Liberty serves on the
 * port the server listens on, every environment variable is a configuration key ({@code docs/configuration.md}),
 * the Secret holds placeholders only, the network policy lets in the HTTP port and out PostgreSQL, DNS and SMTP,
 * the database URL reaches the CloudNativePG cluster's primary by two hosts, and the Containerfile builds on Open
 * Liberty's official image from files the repository has.
 */
final class KubernetesManifests {

    static final Path DIR = Path.of("liberty/kubernetes");

    private static final Map<String, Class<?>> KINDS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);
    private static final String CNPG_CLUSTER = "postgresql.cnpg.io/v1/Cluster";
    /** The fields of a CloudNativePG {@code Cluster}'s spec (its v1 CRD) that a reference set-up uses. */
    private static final Set<String> CNPG_SPEC_FIELDS = Set.of("instances", "imageName", "primaryUpdateStrategy",
            "minSyncReplicas", "maxSyncReplicas", "postgresql", "bootstrap", "storage", "walStorage", "affinity",
            "resources", "backup", "monitoring", "description", "enableSuperuserAccess", "superuserSecret", "managed",
            "replicationSlots", "switchoverDelay", "failoverDelay", "startDelay", "stopDelay", "logLevel", "env");
    /** The probes MicroProfile Health serves, by the probe that must ask for it. */
    private static final Map<String, String> HEALTH_PATHS = Map.of(
            "startupProbe", "/health/started", "readinessProbe", "/health/ready", "livenessProbe", "/health/live");
    private static final Map<String, String> HEALTH_ANNOTATIONS = Map.of(
            "startupProbe", "@Startup", "readinessProbe", "@Readiness", "livenessProbe", "@Liveness");
    private static final Pattern ENV_COLUMN = Pattern.compile("^\\| `[^`]+` \\| `([A-Z0-9_]+)` \\|", Pattern.MULTILINE);
    private static final Pattern HTTP_PORT_DEFAULT = Pattern.compile("<variable name=\"http\\.port\" defaultValue=\"(\\d+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>]+>");
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^/]+)/([^?]+)\\?(.*)");

    /** No scalar of one type is taken for another: {@code type: 42} is not the string "42", nor {@code "3"} a number. */
    private static final JsonMapper STRICT = JsonMapper.builder().disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .build();

    private final Path dir;
    private final Path root;
    private final List<String> problems = new ArrayList<>();
    private final Map<Class<?>, List<Object>> resources = new LinkedHashMap<>();
    private final List<Map<?, ?>> clusters = new ArrayList<>();

    private KubernetesManifests(Path dir, Path root) {
        this.dir = dir;
        this.root = root;
    }

    /** Every problem of the manifests in {@code dir}, checked against the product at {@code root} (the repository). */
    static List<String> problems(Path dir, Path root) throws IOException {
        KubernetesManifests m = new KubernetesManifests(dir, root);
        m.read();
        if (m.problems.isEmpty()) {
            m.checkProduct();
        }
        return m.problems;
    }

    private void read() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path file : files) {
            try (Reader r = Files.newBufferedReader(file)) {
                for (Object doc : new Yaml().loadAll(r)) {
                    if (doc instanceof Map<?, ?> map) {
                        readDocument(file.getFileName().toString(), map);
                    }
                }
            }
        }
    }

    private void readDocument(String file, Map<?, ?> doc) {
        String type = doc.get("apiVersion") + "/" + doc.get("kind");
        if (type.equals(CNPG_CLUSTER)) {
            checkCluster(file, doc);
            clusters.add(doc);
            return;
        }
        Class<?> kind = KINDS.get(type);
        if (kind == null) {
            problems.add(file + ": unknown apiVersion/kind " + type);
            return;
        }
        Object resource;
        try {
            resource = STRICT.convertValue(doc, kind);
        } catch (JacksonException | IllegalArgumentException e) {
            problems.add(file + ": not a valid " + type + ": " + firstLine(e.getMessage()));
            return;
        }
        unknownFields(file, type, resource, 0);
        resources.computeIfAbsent(kind, k -> new ArrayList<>()).add(resource);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** The model keeps fields it does not know in {@code additionalProperties}: any there is a misspelt or made-up field. */
    private void unknownFields(String where, String path, Object value, int depth) {
        if (value == null || depth > 40) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(where, path + "[" + i++ + "]", item, depth + 1);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(where, path + "." + k, v, depth + 1));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (!getter.getName().startsWith("get") || getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object field = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(where + ": " + path + " has no field " + new TreeSet<>(extra.keySet().stream().map(String::valueOf).toList()));
                }
            } else {
                String name = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
                unknownFields(where, path + "." + name, field, depth + 1);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(getter.toString(), e);
        }
    }

    /** A CloudNativePG Cluster (a custom resource, so not in the typed model): its shape, by the fields of its CRD. */
    private void checkCluster(String file, Map<?, ?> doc) {
        if (!(doc.get("metadata") instanceof Map<?, ?> metadata) || !(metadata.get("name") instanceof String)) {
            problems.add(file + ": the Cluster has no metadata.name");
        }
        if (!(doc.get("spec") instanceof Map<?, ?> spec)) {
            problems.add(file + ": the Cluster has no spec");
            return;
        }
        for (Object field : spec.keySet()) {
            if (!CNPG_SPEC_FIELDS.contains(String.valueOf(field))) {
                problems.add(file + ": Cluster.spec has no field " + field);
            }
        }
        if (!(spec.get("instances") instanceof Integer instances) || instances < 2) {
            problems.add(file + ": Cluster.spec.instances must be a number of at least 2 (a primary and a replica to fail over to)");
        }
        if (!(spec.get("storage") instanceof Map<?, ?> storage) || !(storage.get("size") instanceof String)) {
            problems.add(file + ": Cluster.spec.storage.size must be a quantity such as 20Gi");
        }
        if (!(spec.get("backup") instanceof Map<?, ?> backup) || !(backup.get("barmanObjectStore") instanceof Map<?, ?> store)
                || !(store.get("destinationPath") instanceof String)) {
            problems.add(file + ": Cluster.spec.backup.barmanObjectStore.destinationPath is missing: without WAL archiving there is no point-in-time recovery");
        }
    }

    private void checkProduct() throws IOException {
        List<Deployment> deployments = all(Deployment.class);
        if (deployments.size() != 1) {
            problems.add("expected one Deployment, found " + deployments.size());
            return;
        }
        for (Class<?> required : List.of(ConfigMap.class, Secret.class, Service.class, PodDisruptionBudget.class,
                HorizontalPodAutoscaler.class, NetworkPolicy.class)) {
            if (all(required).isEmpty()) {
                problems.add("no " + required.getSimpleName());
            }
        }
        if (clusters.isEmpty()) {
            problems.add("no CloudNativePG Cluster");
        }
        if (!problems.isEmpty()) {
            return;
        }
        Map<String, String> config = all(ConfigMap.class).get(0).getData();
        Container container = deployments.get(0).getSpec().getTemplate().getSpec().getContainers().get(0);
        checkProbes(container, config);
        checkEnvironment(container);
        checkSecret(all(Secret.class).get(0));
        checkNetworkPolicy(all(NetworkPolicy.class).get(0), container, config);
        checkDatabaseUrl(config);
        checkContainerfile(container);
    }

    /**
     * The image is built on Open Liberty's official image, from files the repository has (what the build stage makes
     * aside), and opens the port the container declares.
     */
    private void checkContainerfile(Container container) throws IOException {
        Path file = dir.resolve("Containerfile");
        if (!Files.exists(file)) {
            problems.add("no Containerfile");
            return;
        }
        List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).toList();
        List<String> bases = lines.stream().filter(l -> l.startsWith("FROM ")).map(l -> l.split("\\s+")[1]).toList();
        if (bases.isEmpty() || !bases.get(bases.size() - 1).startsWith("icr.io/appcafe/open-liberty:")) {
            problems.add("Containerfile: the image is not built on icr.io/appcafe/open-liberty: " + bases);
        }
        for (String line : lines) {
            String[] words = line.trim().split("\\s+");
            if (words[0].equals("COPY") && !line.contains("--from=")) {
                List<String> sources = List.of(words).subList(1, words.length - 1).stream().filter(w -> !w.startsWith("--")).toList();
                sources.stream().filter(source -> !source.equals(".") && !Files.exists(root.resolve(source)))
                        .forEach(source -> problems.add("Containerfile copies " + source + ", which the repository does not have"));
            }
            if (words[0].equals("EXPOSE") && containerPort(container, new IntOrString(Integer.parseInt(words[1]))) == null) {
                problems.add("Containerfile exposes " + words[1] + ", which the container does not declare");
            }
        }
    }

    private void checkProbes(Container container, Map<String, String> config) throws IOException {
        String serverXml = Files.readString(root.resolve("liberty/server.xml"));
        if (!serverXml.contains("<feature>mpHealth-")) {
            problems.add("liberty/server.xml has no mpHealth feature: nothing serves /health");
        }
        int httpPort = config.containsKey("HTTP_PORT") ? Integer.parseInt(config.get("HTTP_PORT")) : httpPortDefault();
        Map<String, Probe> probes = new LinkedHashMap<>();
        probes.put("startupProbe", container.getStartupProbe());
        probes.put("readinessProbe", container.getReadinessProbe());
        probes.put("livenessProbe", container.getLivenessProbe());
        for (Map.Entry<String, Probe> probe : probes.entrySet()) {
            String name = probe.getKey();
            HTTPGetAction get = probe.getValue() == null ? null : probe.getValue().getHttpGet();
            if (get == null) {
                problems.add("the container has no " + name + " with httpGet");
                continue;
            }
            if (!HEALTH_PATHS.get(name).equals(get.getPath())) {
                problems.add(name + " asks for " + get.getPath() + ", which is not " + HEALTH_PATHS.get(name));
            }
            Integer port = containerPort(container, get.getPort());
            if (port == null || port != httpPort) {
                problems.add(name + " asks port " + portText(get.getPort()) + ", but the server listens for HTTP on " + httpPort);
            }
            if (!declaresHealthCheck(HEALTH_ANNOTATIONS.get(name))) {
                problems.add(name + ": no health check of the application is " + HEALTH_ANNOTATIONS.get(name));
            }
        }
    }

    private int httpPortDefault() throws IOException {
        Matcher m = HTTP_PORT_DEFAULT.matcher(Files.readString(root.resolve("liberty/includes/endpoints.xml")));
        if (!m.find()) {
            throw new IllegalStateException("liberty/includes/endpoints.xml has no http.port variable");
        }
        return Integer.parseInt(m.group(1));
    }

    private boolean declaresHealthCheck(String annotation) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("src/main/java/dev/gatehouse/platform/health"))) {
            return files.filter(p -> p.toString().endsWith(".java")).anyMatch(p -> read(p).contains(annotation + "\n"));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }

    /** The container port a probe or policy names, by number or by name; null when the container has no such port. */
    private static Integer containerPort(Container container, IntOrString port) {
        if (port == null) {
            return null;
        }
        for (ContainerPort p : container.getPorts()) {
            if (Objects.equals(port.getIntVal(), p.getContainerPort()) || (port.getStrVal() != null && port.getStrVal().equals(p.getName()))) {
                return p.getContainerPort();
            }
        }
        return null;
    }

    private static String portText(IntOrString port) {
        return port == null ? "(none)" : port.getIntVal() != null ? String.valueOf(port.getIntVal()) : port.getStrVal();
    }

    private void checkEnvironment(Container container) throws IOException {
        Set<String> keys = new TreeSet<>();
        Matcher m = ENV_COLUMN.matcher(Files.readString(root.resolve("docs/configuration.md")));
        while (m.find()) {
            keys.add(m.group(1));
        }
        Set<String> named = new TreeSet<>();
        all(ConfigMap.class).forEach(c -> named.addAll(c.getData().keySet()));
        all(Secret.class).forEach(s -> {
            named.addAll(s.getStringData().keySet());
            if (s.getData() != null) {
                named.addAll(s.getData().keySet());
            }
        });
        container.getEnv().stream().map(EnvVar::getName).forEach(named::add);
        for (String name : named) {
            if (!keys.contains(name)) {
                problems.add("environment variable " + name + " is no configuration key of docs/configuration.md");
            }
        }
        Set<String> sources = new TreeSet<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            sources.add(from.getConfigMapRef() != null ? "ConfigMap/" + from.getConfigMapRef().getName() : "Secret/" + from.getSecretRef().getName());
        }
        for (ConfigMap c : all(ConfigMap.class)) {
            if (!sources.contains("ConfigMap/" + c.getMetadata().getName())) {
                problems.add("the container does not read ConfigMap " + c.getMetadata().getName());
            }
        }
        for (Secret s : all(Secret.class)) {
            if (!sources.contains("Secret/" + s.getMetadata().getName())) {
                problems.add("the container does not read Secret " + s.getMetadata().getName());
            }
        }
    }

    /** A committed Secret holds placeholders such as {@code <openssl rand -base64 32>}, never a value that works. */
    private void checkSecret(Secret secret) {
        if (secret.getData() != null && !secret.getData().isEmpty()) {
            problems.add("Secret " + secret.getMetadata().getName() + " has data: commit placeholders in stringData, never encoded values");
        }
        secret.getStringData().forEach((key, value) -> {
            if (value == null || !PLACEHOLDER.matcher(value).matches()) {
                problems.add("Secret value " + key + " is not a <placeholder>: a real secret must not be committed");
            }
        });
    }

    private void checkNetworkPolicy(NetworkPolicy policy, Container container, Map<String, String> config) {
        Set<Integer> in = new TreeSet<>();
        policy.getSpec().getIngress().forEach(rule -> {
            if (rule.getPorts() == null || rule.getPorts().isEmpty()) {
                problems.add("NetworkPolicy lets in every port; only the HTTP port should be open");
            } else {
                rule.getPorts().forEach(p -> in.add(containerPort(container, p.getPort())));
            }
        });
        Integer http = containerPort(container, new IntOrString("http"));
        if (!in.equals(Set.of(Objects.requireNonNullElse(http, -1)))) {
            problems.add("NetworkPolicy lets in ports " + in + ", not just the HTTP port " + http);
        }
        Set<String> out = new TreeSet<>();
        policy.getSpec().getEgress().forEach(rule -> rule.getPorts().forEach(p -> out.add(portOut(p))));
        String smtp = config.getOrDefault("GATEHOUSE_COURIER_SMTP_PORT", "25");
        for (String needed : List.of("TCP/5432", "UDP/53", "TCP/" + smtp)) {
            if (!out.contains(needed)) {
                problems.add("NetworkPolicy does not let out " + needed + " (PostgreSQL, DNS and SMTP)");
            }
        }
    }

    private static String portOut(NetworkPolicyPort p) {
        return Objects.requireNonNullElse(p.getProtocol(), "TCP") + "/" + portText(p.getPort());
    }

    /** The URL lists two hosts of the CloudNativePG cluster and asks for the primary, so a failover is followed. */
    private void checkDatabaseUrl(Map<String, String> config) {
        String url = config.getOrDefault("GATEHOUSE_DB_URL", "");
        Matcher m = JDBC_URL.matcher(url);
        if (!m.matches()) {
            problems.add("GATEHOUSE_DB_URL is not a PostgreSQL JDBC URL with parameters: " + url);
            return;
        }
        String cluster = String.valueOf(field(clusters.get(0), "metadata", "name"));
        String[] hosts = m.group(1).split(",");
        if (hosts.length < 2) {
            problems.add("GATEHOUSE_DB_URL lists one host: list two so the driver can reach the primary after a failover");
        }
        for (String host : hosts) {
            if (!host.matches(Pattern.quote(cluster) + "-(rw|r|ro)(\\.[a-z0-9.-]+)?:5432")) {
                problems.add("GATEHOUSE_DB_URL host " + host + " is no Service of the CloudNativePG cluster " + cluster);
            }
        }
        if (!List.of(m.group(3).split("&")).contains("targetServerType=primary")) {
            problems.add("GATEHOUSE_DB_URL lacks targetServerType=primary: a replica would be taken for the database");
        }
        Object initdb = field(clusters.get(0), "spec", "bootstrap", "initdb", "database");
        if (!m.group(2).equals(initdb)) {
            problems.add("GATEHOUSE_DB_URL names database " + m.group(2) + ", the Cluster creates " + initdb);
        }
        if (!"postgresql".equals(config.get("GATEHOUSE_DB_KIND"))) {
            problems.add("GATEHOUSE_DB_KIND is not postgresql");
        }
    }

    /** The value at {@code path} in a YAML document, or null where any step is missing. */
    private static Object field(Map<?, ?> doc, String... path) {
        Object at = doc;
        for (String step : path) {
            at = at instanceof Map<?, ?> map ? map.get(step) : null;
        }
        return at;
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> all(Class<T> kind) {
        return (List<T>) resources.getOrDefault(kind, List.of());
    }
}
