package org.kepu.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The checks DeployManifestsTest relies on refuse what the API server refuses: without these, a checker that lets
 * everything through would make the manifests' test pass as well.
 */
class ManifestCheckersTest {

    private static JsonNode yaml(String text) throws IOException {
        return Kustomization.YAML.readTree(text);
    }

    private static StructuralSchema schema(String resource) throws IOException {
        try (var in = ManifestCheckersTest.class.getResourceAsStream(resource)) {
            return new StructuralSchema(Kustomization.YAML.readTree(in));
        }
    }

    @Test
    void aMisspeltFieldOfABuiltInKindIsRefused() throws IOException {
        JsonNode deployment = yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: { name: x }
                spec:
                  selector: { matchLabels: { app: x } }
                  template:
                    metadata: { labels: { app: x } }
                    spec:
                      containers:
                        - name: x
                          image: x:1
                          livenesProbe: { httpGet: { path: /q/health/live, port: 8080 } }
                """);
        IOException refused = assertThrows(IOException.class, () -> StrictModels.read(deployment));
        assertTrue(refused.getMessage().contains("livenesProbe"), refused.getMessage());
    }

    @Test
    void aValueOfTheWrongJsonTypeIsRefused() throws IOException {
        JsonNode service = yaml("""
                apiVersion: v1
                kind: Service
                metadata: { name: x }
                spec:
                  ports: [{ port: "8081" }]
                """);
        assertThrows(IOException.class, () -> StrictModels.read(service));
        JsonNode configMap = yaml("""
                apiVersion: v1
                kind: ConfigMap
                metadata: { name: x }
                data: { KEPU_DB_POOL_SIZE: 4 }
                """);
        assertThrows(IOException.class, () -> StrictModels.read(configMap), "ConfigMap values are strings");
    }

    @Test
    void aMisspeltFieldOfAStrimziResourceIsRefusedByItsModelAndItsSchema() throws IOException {
        JsonNode topic = yaml("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: { name: x, labels: { strimzi.io/cluster: kepu } }
                spec: { partition: 3, replicas: 3 }
                """);
        assertThrows(IOException.class, () -> StrictModels.read(topic));
        assertEquals(List.of("spec.partition: unknown field (the schema declares [topicName, partitions, replicas, "
                + "config])"), schema("strimzi-kafkatopic-v1-schema.yaml").violations(topic));
    }

    @Test
    void aFieldThatStrimziV1DroppedIsRefusedByTheSchema() throws IOException {
        // The 0.51 Java model still knows ZooKeeper; Strimzi's v1 API does not.
        JsonNode kafka = yaml("""
                apiVersion: kafka.strimzi.io/v1
                kind: Kafka
                metadata: { name: x }
                spec:
                  kafka:
                    listeners: [{ name: plain, port: 9092, type: internal, tls: false }]
                  zookeeper: { replicas: 3 }
                """);
        List<String> violations = schema("strimzi-kafka-v1-schema.yaml").violations(kafka);
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("spec.zookeeper: unknown field")), violations.toString());
    }

    @Test
    void anAclOfAKafkaUserIsCheckedAgainstTheV1Schema() throws IOException {
        // The 0.51 Java model still takes an ACL's single "operation"; Strimzi's v1 API wants "operations".
        JsonNode user = yaml("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaUser
                metadata: { name: x, labels: { strimzi.io/cluster: kepu } }
                spec:
                  authentication: { type: scram-sha-512 }
                  authorization:
                    type: simple
                    acls:
                      - { resource: { type: topic, name: kepu.events, patternType: exact }, operation: Write }
                """);
        List<String> violations = schema("strimzi-kafkauser-v1-schema.yaml").violations(user);
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("spec.authorization.acls[0].operation: unknown field")),
                violations.toString());
        assertTrue(violations.contains("spec.authorization.acls[0].operations: is required"), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("spec.authorization.acls[0].resource.patternType: "
                + "\"exact\" is not one of")), violations.toString());
    }

    @Test
    void aClusterIsCheckedForFieldsTypesEnumsAndRequiredFields() throws IOException {
        JsonNode cluster = yaml("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: { name: x }
                spec:
                  instance: 2
                  postgresql: { parameters: { max_connections: 100 } }
                  backup:
                    barmanObjectStore:
                      destinationPath: s3://bucket/x
                      wal: { compression: zip }
                """);
        List<String> violations = schema("cnpg-cluster-v1-schema.yaml").violations(cluster);
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("spec.instance: unknown field")), violations.toString());
        assertTrue(violations.contains("spec.postgresql.parameters.max_connections: must be a string, is 100"),
                violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("spec.backup.barmanObjectStore.wal.compression: \"zip\" "
                + "is not one of")), violations.toString());
        assertTrue(violations.contains("spec.storage: is required") || violations.contains("spec.instances: is required"),
                violations.toString());
    }

    @Test
    void aSchemaKeywordTheCheckerDoesNotKnowStopsTheCheck() throws IOException {
        StructuralSchema unknown = new StructuralSchema(yaml("{ type: object, properties: { a: { type: string, "
                + "multipleOf: 2 } } }"));
        assertThrows(IllegalStateException.class, () -> unknown.violations(yaml("{ a: x }")));
    }

    @Test
    void aPatchMergesContainersByNameAndReplacesCustomResourceLists(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("base"));
        Files.writeString(dir.resolve("base/kustomization.yaml"), "resources: [app.yaml]\n");
        Files.writeString(dir.resolve("base/app.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: { name: app }
                spec:
                  template:
                    spec:
                      containers:
                        - { name: app, image: kepu/app:1, env: [{ name: A, value: "1" }] }
                        - { name: sidecar, image: other:2 }
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaNodePool
                metadata: { name: pool }
                spec: { roles: [controller, broker] }
                """);
        Files.writeString(dir.resolve("kustomization.yaml"), """
                resources: [base]
                patches: [{ path: patch.yaml }]
                images: [{ name: kepu/app, newName: registry.example/kepu/app, newTag: "2" }]
                """);
        Files.writeString(dir.resolve("patch.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: { name: app }
                spec:
                  template:
                    spec:
                      containers:
                        - { name: app, env: [{ name: B, value: "2" }], resources: { limits: { memory: 1Gi } } }
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaNodePool
                metadata: { name: pool }
                spec: { roles: [broker] }
                """);
        List<ObjectNode> rendered = Kustomization.render(dir);
        JsonNode containers = rendered.get(0).at("/spec/template/spec/containers");
        assertEquals(2, containers.size());
        assertEquals("registry.example/kepu/app:2", containers.get(0).get("image").asText());
        assertEquals(yaml("[{ name: A, value: '1' }, { name: B, value: '2' }]"), containers.get(0).get("env"));
        assertEquals("1Gi", containers.get(0).at("/resources/limits/memory").asText());
        assertEquals("other:2", containers.get(1).get("image").asText());
        assertEquals(yaml("[broker]"), rendered.get(1).at("/spec/roles"));
    }

    @Test
    void aKustomizeFeatureTheRendererDoesNotKnowIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: []\nnamePrefix: prod-\n");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Kustomization.render(dir));
        assertTrue(refused.getMessage().contains("namePrefix"), refused.getMessage());
    }
}
