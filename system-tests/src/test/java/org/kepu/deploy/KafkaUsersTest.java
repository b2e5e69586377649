package org.kepu.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;

/**
 * Kafka as deploy/kubernetes runs it takes no client it has not authenticated, and lets each service do what its code
 * does and nothing else: every service that speaks Kafka connects over TLS as its own SCRAM user, with the credentials
 * from the Secret Strimzi's user operator keeps for it, and its KafkaUser's ACLs cover exactly the topics its
 * WrittenFacts and channels write and read and the groups it reads in ({@link KafkaUse}, from the code).
 */
class KafkaUsersTest {

    private static final String CLUSTER_CA = "kepu-cluster-ca-cert";

    /** The one listener clients have: TLS, SCRAM-SHA-512. */
    static GenericKafkaListener clientListener(Kafka kafka) {
        List<GenericKafkaListener> listeners = kafka.getSpec().getKafka().getListeners();
        assertEquals(1, listeners.size(), "one listener for clients, none that skips authentication");
        GenericKafkaListener listener = listeners.get(0);
        assertTrue(listener.isTls(), "the listener encrypts");
        assertTrue(listener.getAuth() instanceof KafkaListenerAuthenticationScramSha512,
                "the listener authenticates SCRAM-SHA-512 users");
        return listener;
    }

    @ParameterizedTest
    @MethodSource("org.kepu.deploy.DeployManifestsTest#overlays")
    void theClusterAuthenticatesEveryClientAndAuthorizesItByItsAcls(String overlay) throws IOException {
        DeployManifestsTest.Resources resources = new DeployManifestsTest.Resources(DeployManifestsTest.render(overlay));
        Kafka kafka = resources.one(Kafka.class, "kepu");
        assertEquals(9093, clientListener(kafka).getPort(), "Strimzi's port for TLS");
        assertTrue(kafka.getSpec().getKafka().getAuthorization() instanceof KafkaAuthorizationSimple,
                "Kafka's own ACLs decide what a user may do");
        assertNotNull(kafka.getSpec().getEntityOperator().getUserOperator(), "the user operator makes the users");
        assertNull(kafka.getSpec().getEntityOperator().getUserOperator().getSecretPrefix(),
                "each user's Secret has the user's name, which the Deployments name");

        Map<String, KafkaUser> users = users(resources);
        assertEquals(KafkaUse.services(), users.keySet(), "a user for each service that speaks Kafka, and no other");
        for (KafkaUser user : users.values()) {
            String name = user.getMetadata().getName();
            assertEquals("kepu", user.getMetadata().getLabels().get("strimzi.io/cluster"), name);
            assertTrue(user.getSpec().getAuthentication() instanceof KafkaUserScramSha512ClientAuthentication,
                    name + " authenticates with SCRAM-SHA-512, as the listener asks");
            assertTrue(user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple, name);
        }
    }

    @ParameterizedTest
    @MethodSource("org.kepu.deploy.DeployManifestsTest#overlays")
    void everyServiceConnectsAsItsOwnUserWithTheOperatorsSecrets(String overlay) throws IOException {
        DeployManifestsTest.Resources resources = new DeployManifestsTest.Resources(DeployManifestsTest.render(overlay));
        int port = clientListener(resources.one(Kafka.class, "kepu")).getPort();
        for (String service : DeployManifestsTest.SERVICES) {
            Map<String, String> environment = environment(resources, service);
            Container container = resources.container(service);
            EnvVar jaas = container.getEnv().stream().filter(e -> e.getName().equals("KAFKA_SASL_JAAS_CONFIG"))
                    .findFirst().orElse(null);
            if (!KafkaUse.services().contains(service)) {
                assertNull(jaas, service + " speaks no Kafka and gets no Kafka credentials");
                continue;
            }
            // Quarkus reads KAFKA_X_Y as kafka.x.y, for the channels and the clients the services build themselves.
            assertEquals("SASL_SSL", environment.get("KAFKA_SECURITY_PROTOCOL"), service);
            assertEquals("SCRAM-SHA-512", environment.get("KAFKA_SASL_MECHANISM"), service);
            assertTrue(jaas != null && jaas.getValueFrom() != null && jaas.getValueFrom().getSecretKeyRef() != null,
                    service + " reads its Kafka credentials from a Secret");
            assertEquals(service, jaas.getValueFrom().getSecretKeyRef().getName(),
                    service + ": the Secret the user operator keeps for the KafkaUser " + service);
            assertEquals("sasl.jaas.config", jaas.getValueFrom().getSecretKeyRef().getKey(), service);

            // The brokers' certificates are trusted through the cluster CA's certificate, mounted from Strimzi's Secret.
            assertEquals("PEM", environment.get("KAFKA_SSL_TRUSTSTORE_TYPE"), service);
            String truststore = environment.get("KAFKA_SSL_TRUSTSTORE_LOCATION");
            assertNotNull(truststore, service + " names the cluster CA's certificate");
            String directory = truststore.substring(0, truststore.lastIndexOf('/'));
            String file = truststore.substring(truststore.lastIndexOf('/') + 1);
            PodSpec pod = resources.one(Deployment.class, service).getSpec().getTemplate().getSpec();
            String volume = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(directory))
                    .findFirst().orElseThrow(() -> new AssertionError(service + " mounts " + directory)).getName();
            SecretVolumeSource secret = pod.getVolumes().stream().filter(v -> v.getName().equals(volume)).findFirst()
                    .orElseThrow().getSecret();
            assertNotNull(secret, service + ": " + directory + " is a Secret");
            assertEquals(CLUSTER_CA, secret.getSecretName(), service);
            assertTrue(secret.getItems().stream().map(KeyToPath::getPath).anyMatch(file::equals)
                    && secret.getItems().stream().filter(i -> i.getPath().equals(file)).allMatch(i -> i.getKey()
                            .equals("ca.crt")),
                    service + ": " + file + " is the Secret's ca.crt");

            NetworkPolicy policy = resources.one(NetworkPolicy.class, service);
            assertTrue(policy.getSpec().getEgress().stream().filter(rule -> reachesKafka(rule))
                    .flatMap(rule -> rule.getPorts().stream()).allMatch(p -> p.getPort().getIntVal() == port),
                    service + " reaches Kafka's brokers on their listener's port " + port);
        }
    }

    @ParameterizedTest
    @MethodSource("org.kepu.deploy.DeployManifestsTest#overlays")
    void eachUserMayDoWhatItsServicesCodeDoesAndNothingMore(String overlay) throws IOException {
        DeployManifestsTest.Resources resources = new DeployManifestsTest.Resources(DeployManifestsTest.render(overlay));
        Map<String, KafkaUser> users = users(resources);
        List<String> problems = new ArrayList<>();
        for (String service : KafkaUse.services()) {
            KafkaUse use = KafkaUse.of(service, DeployManifestsTest.ROOT, environment(resources, service));
            assertTrue(!use.writes().isEmpty(), service + " writes facts: the code was read");
            Map<String, Set<String>> topics = new TreeMap<>();
            Map<String, Set<String>> groups = new TreeMap<>();
            for (AclRule rule : ((KafkaUserAuthorizationSimple) users.get(service).getSpec().getAuthorization())
                    .getAcls()) {
                String what = service + " " + rule.getResource().getType() + " " + name(rule);
                if (rule.getType() == AclRuleType.DENY) {
                    problems.add(what + ": deny rules are not needed where nothing is allowed by default");
                }
                if (rule.getHost() != null && !rule.getHost().equals("*")) {
                    problems.add(what + ": a host of its own (pods move)");
                }
                Set<String> operations = rule.getOperations().stream().map(AclOperation::toValue)
                        .collect(Collectors.toCollection(TreeSet::new));
                if (rule.getResource() instanceof AclRuleTopicResource topic) {
                    requireLiteral(what, topic.getPatternType(), topic.getName(), problems);
                    topics.computeIfAbsent(topic.getName(), t -> new TreeSet<>()).addAll(operations);
                } else if (rule.getResource() instanceof AclRuleGroupResource group) {
                    requireLiteral(what, group.getPatternType(), group.getName(), problems);
                    groups.computeIfAbsent(group.getName(), g -> new TreeSet<>()).addAll(operations);
                } else {
                    // The idempotent producers need no IdempotentWrite on the cluster (Write on a topic is enough
                    // since Kafka 3.0), and no producer sets a transactional id.
                    problems.add(what + ": neither a topic nor a group; no service needs it");
                }
            }
            for (String topic : use.writes()) {
                if (!topics.getOrDefault(topic, Set.of()).contains("Write")) {
                    problems.add(service + " writes " + topic + " but may not");
                }
            }
            for (String topic : use.reads()) {
                if (!topics.getOrDefault(topic, Set.of()).contains("Read")) {
                    problems.add(service + " reads " + topic + " but may not");
                }
            }
            for (String group : use.groups()) {
                if (!groups.getOrDefault(group, Set.of()).contains("Read")) {
                    problems.add(service + " consumes in group " + group + " but may not");
                }
            }
            topics.forEach((topic, operations) -> {
                Set<String> needed = new TreeSet<>(Set.of("Describe"));
                if (use.writes().contains(topic)) {
                    needed.add("Write");
                }
                if (use.reads().contains(topic)) {
                    needed.add("Read");
                }
                if (needed.size() == 1 || !needed.containsAll(operations)) {
                    problems.add(service + " may " + operations + " on topic " + topic + "; its code needs "
                            + (needed.size() == 1 ? "nothing there" : needed));
                }
            });
            groups.forEach((group, operations) -> {
                if (!use.groups().contains(group) || !Set.of("Read", "Describe").containsAll(operations)) {
                    problems.add(service + " may " + operations + " on group " + group + "; its code reads in "
                            + use.groups());
                }
            });
        }
        assertEquals(List.of(), problems, "the KafkaUsers' ACLs against the code, in overlay " + overlay);
    }

    private static String name(AclRule rule) {
        if (rule.getResource() instanceof AclRuleTopicResource topic) {
            return topic.getName();
        }
        return rule.getResource() instanceof AclRuleGroupResource group ? group.getName() : "";
    }

    private static void requireLiteral(String what, AclResourcePatternType pattern, String name, List<String> problems) {
        if ((pattern != null && pattern != AclResourcePatternType.LITERAL) || name == null || name.contains("*")) {
            problems.add(what + ": a literal name, no prefix or wildcard (it would also cover what is not meant)");
        }
    }

    private static boolean reachesKafka(NetworkPolicyEgressRule rule) {
        return rule.getTo().stream().anyMatch(peer -> peer.getPodSelector() != null
                && "kepu".equals(peer.getPodSelector().getMatchLabels().get("strimzi.io/cluster")));
    }

    private static Map<String, KafkaUser> users(DeployManifestsTest.Resources resources) throws IOException {
        Map<String, KafkaUser> users = new TreeMap<>();
        for (KafkaUser user : resources.all(KafkaUser.class)) {
            users.put(user.getMetadata().getName(), user);
        }
        return users;
    }

    /** The variables a service's container gets as values: its ConfigMaps', then its own literal ones. */
    static Map<String, String> environment(DeployManifestsTest.Resources resources, String service) throws IOException {
        Container container = resources.container(service);
        Map<String, String> environment = new HashMap<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                environment.putAll(resources.one(ConfigMap.class, from.getConfigMapRef().getName()).getData());
            }
        }
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValue() != null) {
                environment.put(variable.getName(), variable.getValue());
            }
        }
        return environment;
    }
}
