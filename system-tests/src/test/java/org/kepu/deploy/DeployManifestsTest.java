package org.kepu.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * Every manifest in deploy/kubernetes, as each overlay renders it, is one the API server would take as written
 * (fabric8's and Strimzi's typed models read strictly, CloudNativePG's Cluster against its CRD's schema), and holds
 * together with the code it deploys: the topics the services read and write, the database each one connects to with
 * the operator's Secret, the health endpoints, the drain before SIGKILL, and who may reach whom. No cluster needed.
 */
class DeployManifestsTest {

    static final Path ROOT = Path.of(System.getenv().getOrDefault("KEPU_ROOT", "..")).toAbsolutePath().normalize();
    static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    static final List<String> SERVICES = List.of("event-service", "venue-service", "reporting-service", "gateway");
    static final List<String> WITH_DATABASE = List.of("event-service", "venue-service", "reporting-service");

    /** The operators' CRD schemas (excerpts in src/test/resources, each naming its source), by "apiVersion/kind". */
    static final Map<String, String> CRD_SCHEMAS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", "cnpg-cluster-v1-schema.yaml",
            "kafka.strimzi.io/v1/Kafka", "strimzi-kafka-v1-schema.yaml",
            "kafka.strimzi.io/v1/KafkaNodePool", "strimzi-kafkanodepool-v1-schema.yaml",
            "kafka.strimzi.io/v1/KafkaTopic", "strimzi-kafkatopic-v1-schema.yaml",
            "kafka.strimzi.io/v1/KafkaUser", "strimzi-kafkauser-v1-schema.yaml");

    private static final Map<String, StructuralSchema> schemas = new HashMap<>();

    @BeforeAll
    static void readCrdSchemas() throws IOException {
        for (Map.Entry<String, String> crd : CRD_SCHEMAS.entrySet()) {
            try (var schema = DeployManifestsTest.class.getResourceAsStream(crd.getValue())) {
                schemas.put(crd.getKey(), new StructuralSchema(Kustomization.YAML.readTree(schema)));
            }
        }
    }

    static Stream<String> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(KUBERNETES.resolve("overlays"))) {
            return dirs.map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    static List<ObjectNode> render(String overlay) throws IOException {
        return Kustomization.render(KUBERNETES.resolve("overlays").resolve(overlay));
    }

    @Test
    void thereAreASmallAndAProvinceOverlay() throws IOException {
        assertEquals(List.of("province", "small"), overlays().toList());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyManifestIsValidAgainstItsApiSchema(String overlay) throws IOException {
        List<String> problems = new ArrayList<>();
        for (ObjectNode resource : render(overlay)) {
            String type = StrictModels.typeKey(resource);
            String id = type + " " + resource.path("metadata").path("name").asText();
            if (!StrictModels.knows(resource) && !schemas.containsKey(type)) {
                problems.add(id + ": no schema to check it against; add its typed model or CRD schema to the tests");
            }
            if (StrictModels.knows(resource)) {
                try {
                    StrictModels.read(resource);
                } catch (IOException | IllegalArgumentException e) {
                    problems.add(id + ": " + e.getMessage());
                }
            }
            if (schemas.containsKey(type)) {
                try {
                    StrictModels.read(resource.get("metadata"), ObjectMeta.class);
                } catch (IOException e) {
                    problems.add(id + " metadata: " + e.getMessage());
                }
                schemas.get(type).violations(resource).forEach(v -> problems.add(id + ": " + v));
            }
            // The one CEL rule (x-kubernetes-validations) of the schemas that concerns fields used here.
            if (resource.path("spec").has("imageName") && resource.path("spec").has("imageCatalogRef")) {
                problems.add(id + ": imageName and imageCatalogRef are mutually exclusive");
            }
        }
        assertEquals(List.of(), problems, "manifests of overlay " + overlay + " that the API server would refuse");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kubectlRendersTheOverlayAsTheseTestsDo(String overlay) throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl is not installed; the overlay is checked as these tests render it");
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", KUBERNETES.resolve("overlays").resolve(overlay)
                .toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] output = kubectl.getInputStream().readAllBytes();
        assertTrue(kubectl.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, kubectl.exitValue(), "kubectl kustomize failed");
        Path rendered = Files.createTempFile("kustomize-" + overlay, ".yaml");
        Files.write(rendered, output);
        Map<String, ObjectNode> byKubectl = new TreeMap<>(Kustomization.byId(Kustomization.documents(rendered)));
        Map<String, ObjectNode> byTests = new TreeMap<>(Kustomization.byId(render(overlay)));
        Files.delete(rendered);
        assertEquals(byKubectl.keySet(), byTests.keySet());
        byKubectl.forEach((id, resource) -> assertEquals(resource, byTests.get(id), id));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyTopicIsDeclaredReplicatedAndKeepsWhatIsReplayed(String overlay) throws IOException {
        Resources resources = new Resources(render(overlay));
        Map<String, KafkaTopic> topics = resources.all(KafkaTopic.class).stream()
                .collect(Collectors.toMap(t -> t.getSpec().getTopicName(), t -> t));
        assertEquals(localStackTopics(), topics.keySet(), "the topics deploy/local/stack.sh creates");

        Set<String> replayed = topicsReadFromTheFirstOffset();
        assertTrue(replayed.containsAll(Set.of("kepu.events", "kepu.venues", "kepu.tours", "kepu.registrations",
                "kepu.bookings")), "reporting-service's rebuild replays its five feeds: " + replayed);
        for (KafkaTopic topic : topics.values()) {
            String name = topic.getSpec().getTopicName();
            Map<String, Object> config = topic.getSpec().getConfig();
            assertEquals("kepu", topic.getMetadata().getLabels().get("strimzi.io/cluster"), name);
            assertEquals(3, topic.getSpec().getReplicas(), name + " replicas");
            assertEquals(2, config.get("min.insync.replicas"), name + " min.insync.replicas");
            assertTrue(topic.getSpec().getPartitions() >= 3, name + " partitions");
            assertEquals("delete", config.get("cleanup.policy"), name + ": every fact, not only the latest per key");
            long retention = ((Number) config.get("retention.ms")).longValue();
            if (replayed.contains(name)) {
                assertEquals(-1L, retention, name + " is read from its first offset: it must keep its whole history");
                assertEquals(-1, config.get("retention.bytes"), name + " must not lose history to a size limit");
            } else {
                assertTrue(retention > 0, name + " is replayed by no one: a finite retention, written down");
            }
        }

        Kafka kafka = resources.one(Kafka.class, "kepu");
        Map<String, Object> brokerConfig = kafka.getSpec().getKafka().getConfig();
        assertEquals(3, brokerConfig.get("default.replication.factor"));
        assertEquals(2, brokerConfig.get("min.insync.replicas"));
        assertEquals(false, brokerConfig.get("auto.create.topics.enable"), "a topic exists only as a KafkaTopic");
        KafkaNodePool pool = resources.all(KafkaNodePool.class).get(0);
        assertEquals("kepu", pool.getMetadata().getLabels().get("strimzi.io/cluster"));
        assertEquals(3, pool.getSpec().getReplicas(), "three nodes, for three replicas of each partition");
        assertEquals(Set.of(ProcessRoles.CONTROLLER, ProcessRoles.BROKER), Set.copyOf(pool.getSpec().getRoles()),
                "KRaft: the brokers are their own controllers");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void servicesConnectWithTheOperatorsSecretsAndServices(String overlay) throws IOException {
        Resources resources = new Resources(render(overlay));
        Map<String, String> config = resources.one(ConfigMap.class, "kepu-config").getData();
        Kafka kafka = resources.one(Kafka.class, "kepu");
        assertEquals(kafka.getMetadata().getName() + "-kafka-bootstrap:" + KafkaUsersTest.clientListener(kafka)
                .getPort(), config.get("KAFKA_BOOTSTRAP_SERVERS"), "Strimzi's bootstrap Service of the Kafka cluster");

        Set<String> clustersUsed = new TreeSet<>();
        for (String service : WITH_DATABASE) {
            Properties properties = applicationProperties(service);
            Container container = resources.container(service);
            Map<String, EnvVar> env = container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
            Matcher url = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-rw:5432/([a-z_]+)")
                    .matcher(env.get("QUARKUS_DATASOURCE_JDBC_URL").getValue());
            assertTrue(url.matches(), service + " connects to a CloudNativePG cluster's primary (<cluster>-rw)");
            String cluster = url.group(1);
            JsonNode clusterSpec = resources.raw("Cluster/" + cluster).path("spec");
            assertEquals(clusterSpec.path("bootstrap").path("initdb").path("database").asText(), url.group(2),
                    service + "'s database is the one its cluster creates");
            assertTrue(clusterSpec.path("instances").asInt() >= 2, cluster + ": a primary and a replica");
            assertTrue(clusterSpec.path("backup").has("barmanObjectStore"), cluster + ": the backup example");
            assertTrue(clustersUsed.add(cluster), "one cluster per service database");
            // Every replica the autoscaler may start holds a full pool: together they stay under half the database's
            // connections, leaving the rest to the replica, the operator and a person with psql.
            int ceiling = resources.one(HorizontalPodAutoscaler.class, service).getSpec().getMaxReplicas();
            int maxConnections = Integer.parseInt(clusterSpec.path("postgresql").path("parameters")
                    .path("max_connections").asText("100"));
            assertTrue(ceiling * poolSize() <= maxConnections / 2, service + ": " + ceiling + " replicas × "
                    + poolSize() + " connections against max_connections " + maxConnections + " of " + cluster);

            assertSecret(env.get("QUARKUS_DATASOURCE_USERNAME"), cluster + "-app", "username");
            // The variable the service's application.properties reads its password from.
            Matcher password = Pattern.compile("\\$\\{(\\w+):?}")
                    .matcher(properties.getProperty("quarkus.datasource.password"));
            assertTrue(password.matches());
            assertSecret(env.get(password.group(1)), cluster + "-app", "password");
        }
        assertEquals(clustersUsed, resources.rawOfKind("Cluster").keySet(), "a cluster per database, and no other");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceIsProbedSizedBudgetedScaledAndDrained(String overlay) throws IOException {
        Resources resources = new Resources(render(overlay));
        Map<String, String> config = new HashMap<>(resources.one(ConfigMap.class, "kepu-config").getData());
        config.putAll(resources.one(ConfigMap.class, "kepu-gateway-config").getData());
        for (String service : SERVICES) {
            Deployment deployment = resources.one(Deployment.class, service);
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container container = resources.container(service);
            int port = Integer.parseInt(applicationProperties(service).getProperty("quarkus.http.port")
                    .replaceAll("\\$\\{\\w+:(\\d+)}", "$1"));
            assertEquals(port, container.getPorts().get(0).getContainerPort(), service + " listens where Quarkus does");
            assertProbe(container.getStartupProbe(), "/q/health/started", service);
            assertProbe(container.getReadinessProbe(), "/q/health/ready", service);
            assertProbe(container.getLivenessProbe(), "/q/health/live", service);

            Map<String, Quantity> requests = container.getResources().getRequests();
            Map<String, Quantity> limits = container.getResources().getLimits();
            assertTrue(requests.containsKey("cpu"), service + " requests CPU (the autoscaler's yardstick)");
            assertEquals(requests.get("memory"), limits.get("memory"), service + ": memory is reserved, not overcommitted");
            assertTrue(container.getEnv().stream().anyMatch(e -> e.getName().equals("JAVA_MAX_MEM_RATIO")),
                    service + " sizes its heap to the container");
            assertFalse(container.getImage().startsWith("kepu/"), service + "'s image names a registry in " + overlay);
            assertTrue(deployment.getSpec().getReplicas() == null, service + ": the autoscaler owns the replica count");

            // SIGKILL comes terminationGracePeriodSeconds after the pod starts terminating: preStop, then the drain.
            String graceKey = service.equals("gateway") ? "KEPU_GATEWAY_SHUTDOWN_GRACE" : "KEPU_SHUTDOWN_GRACE";
            Duration drain = Duration.parse("PT" + config.get(graceKey).toUpperCase());
            long preStop = container.getLifecycle().getPreStop().getSleep().getSeconds();
            assertTrue(pod.getTerminationGracePeriodSeconds() > preStop + drain.toSeconds(),
                    service + ": preStop " + preStop + " s + drain " + drain + " must end before SIGKILL");

            String keyFile = config.get("KEPU_JWT_PUBLIC_KEY");
            String mountPath = keyFile.substring(0, keyFile.lastIndexOf('/'));
            String volume = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(mountPath))
                    .findFirst().orElseThrow(() -> new AssertionError(service + " mounts the token key")).getName();
            assertEquals("kepu-jwt", pod.getVolumes().stream().filter(v -> v.getName().equals(volume)).findFirst()
                    .orElseThrow().getSecret().getSecretName(), service + " reads the token key from a Secret");

            Map<String, String> labels = deployment.getSpec().getSelector().getMatchLabels();
            PodDisruptionBudget budget = resources.one(PodDisruptionBudget.class, service);
            assertEquals(labels, budget.getSpec().getSelector().getMatchLabels(), service + "'s disruption budget");
            HorizontalPodAutoscaler autoscaler = resources.one(HorizontalPodAutoscaler.class, service);
            assertEquals(service, autoscaler.getSpec().getScaleTargetRef().getName());
            assertTrue(autoscaler.getSpec().getMinReplicas() >= 2, service + ": two replicas at least, for the budget");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheGatewayIsReachableAndEachServiceReachesOnlyItsOwnDatabase(String overlay) throws IOException {
        Resources resources = new Resources(render(overlay));
        for (Service service : resources.all(Service.class)) {
            assertTrue(service.getSpec().getType() == null || service.getSpec().getType().equals("ClusterIP"),
                    service.getMetadata().getName() + " is not exposed outside the cluster");
        }
        for (Ingress ingress : resources.all(Ingress.class)) {
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> assertEquals(
                    "gateway", path.getBackend().getService().getName(), "only the gateway faces the outside")));
        }
        Map<String, NetworkPolicy> policies = new HashMap<>();
        for (NetworkPolicy policy : resources.all(NetworkPolicy.class)) {
            Map<String, String> selector = policy.getSpec().getPodSelector().getMatchLabels();
            policies.put(selector.getOrDefault("app.kubernetes.io/name", selector.get("cnpg.io/cluster")), policy);
        }
        NetworkPolicy gateway = policies.get("gateway");
        assertTrue(gateway.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")));
        assertEquals(Set.of("event-service", "venue-service", "reporting-service"), podNames(gateway.getSpec()
                .getEgress().stream().flatMap(rule -> rule.getTo().stream()).toList()), "the gateway reaches the services");
        for (String service : WITH_DATABASE) {
            NetworkPolicy policy = policies.get(service);
            assertTrue(policy.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")), service);
            assertEquals(Set.of("gateway"), podNames(policy.getSpec().getIngress().stream()
                    .flatMap(rule -> rule.getFrom().stream()).toList()), "only the gateway's pods reach " + service);
            String cluster = resources.container(service).getEnv().stream()
                    .filter(e -> e.getName().equals("QUARKUS_DATASOURCE_JDBC_URL")).findFirst().orElseThrow().getValue()
                    .replaceAll("jdbc:postgresql://([a-z0-9-]+)-rw:.*", "$1");
            List<NetworkPolicyPeer> egress = policy.getSpec().getEgress().stream().flatMap(rule -> rule.getTo().stream())
                    .filter(peer -> peer.getNamespaceSelector() == null).toList();
            assertEquals(Set.of(cluster), egress.stream().map(peer -> peer.getPodSelector().getMatchLabels()
                    .get("cnpg.io/cluster")).filter(c -> c != null).collect(Collectors.toSet()),
                    service + " reaches its own database only");
            assertTrue(egress.stream().anyMatch(peer -> "kepu".equals(peer.getPodSelector().getMatchLabels()
                    .get("strimzi.io/cluster"))), service + " reaches Kafka");

            NetworkPolicy database = policies.get(cluster);
            assertTrue(database.getSpec().getIngress().stream().flatMap(rule -> rule.getFrom().stream())
                    .filter(peer -> peer.getNamespaceSelector() == null)
                    .map(peer -> peer.getPodSelector().getMatchLabels())
                    .allMatch(labels -> service.equals(labels.get("app.kubernetes.io/name"))
                            || cluster.equals(labels.get("cnpg.io/cluster"))),
                    cluster + " is reached by " + service + " and its own instances only");
        }
    }

    private static Set<String> podNames(List<NetworkPolicyPeer> peers) {
        return peers.stream().filter(peer -> peer.getNamespaceSelector() == null)
                .map(peer -> peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void assertProbe(Probe probe, String path, String service) {
        assertTrue(probe != null && probe.getHttpGet() != null, service + " probes " + path);
        assertEquals(path, probe.getHttpGet().getPath(), service);
    }

    private static void assertSecret(EnvVar variable, String secret, String key) {
        assertTrue(variable != null && variable.getValueFrom() != null, "from the Secret " + secret);
        assertEquals(secret, variable.getValueFrom().getSecretKeyRef().getName(), variable.getName());
        assertEquals(key, variable.getValueFrom().getSecretKeyRef().getKey(), variable.getName());
    }

    /** The TOPICS line of deploy/local/stack.sh. */
    static Set<String> localStackTopics() throws IOException {
        String script = Files.readString(ROOT.resolve("deploy/local/stack.sh"));
        Matcher topics = Pattern.compile("(?m)^TOPICS=\\(([^)]*)\\)").matcher(script);
        assertTrue(topics.find(), "stack.sh names its topics");
        return Set.of(topics.group(1).trim().split("\\s+"));
    }

    /**
     * Topics some service reads from the earliest offset (a new consumer group, or reporting-service's rebuild, which
     * replays its channels' topics): they must keep every fact.
     */
    static Set<String> topicsReadFromTheFirstOffset() throws IOException {
        Set<String> topics = new TreeSet<>();
        for (String service : WITH_DATABASE) {
            Properties properties = applicationProperties(service);
            String connectorDefault = properties.getProperty("mp.messaging.connector.smallrye-kafka.auto.offset.reset",
                    "latest");
            for (String key : properties.stringPropertyNames()) {
                Matcher channel = Pattern.compile("mp\\.messaging\\.incoming\\.([\\w-]+)\\.topic").matcher(key);
                if (channel.matches() && properties.getProperty("mp.messaging.incoming." + channel.group(1)
                        + ".auto.offset.reset", connectorDefault).equals("earliest")) {
                    topics.add(properties.getProperty(key));
                }
            }
        }
        return topics;
    }

    /** Each replica's connections: common/persistence's default of quarkus.datasource.jdbc.max-size. */
    static int poolSize() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(ROOT.resolve(
                "common/persistence/src/main/resources/META-INF/microprofile-config.properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return Integer
                .parseInt(properties.getProperty("quarkus.datasource.jdbc.max-size").replaceAll("\\$\\{\\w+:(\\d+)}", "$1"));
    }

    static Properties applicationProperties(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                ROOT.resolve(service).resolve("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    /** An overlay's rendered resources, read into their typed models on demand. */
    static final class Resources {
        private final Map<String, ObjectNode> byId;

        Resources(List<ObjectNode> rendered) {
            this.byId = Kustomization.byId(rendered);
        }

        <T> List<T> all(Class<T> type) throws IOException {
            List<T> all = new ArrayList<>();
            for (ObjectNode resource : byId.values()) {
                if (type.equals(StrictModels.TYPES.get(StrictModels.typeKey(resource)))) {
                    all.add(StrictModels.read(resource, type));
                }
            }
            return all;
        }

        <T> T one(Class<T> type, String name) throws IOException {
            return all(type).stream().filter(r -> name.equals(((io.fabric8.kubernetes.api.model.HasMetadata) r)
                    .getMetadata().getName())).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
        }

        Container container(String deployment) throws IOException {
            return one(Deployment.class, deployment).getSpec().getTemplate().getSpec().getContainers().stream()
                    .filter(c -> c.getName().equals(deployment)).findFirst().orElseThrow();
        }

        JsonNode raw(String id) {
            JsonNode resource = byId.get(id);
            if (resource == null) {
                throw new AssertionError("no " + id);
            }
            return resource;
        }

        Map<String, JsonNode> rawOfKind(String kind) {
            Map<String, JsonNode> ofKind = new TreeMap<>();
            byId.forEach((id, resource) -> {
                if (id.startsWith(kind + "/")) {
                    ofKind.put(id.substring(kind.length() + 1), resource);
                }
            });
            return ofKind;
        }
    }
}
