package org.kepu.deploy;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A strategic merge patch as Kubernetes applies one, for what deploy/kubernetes' overlays patch: maps merge field by
 * field, a null deletes, and a list of a built-in type merges item by item on its merge key (containers and volumes by
 * name, volume mounts by path) or is replaced when the type declares it atomic. Lists of custom resources are
 * replaced whole, as Kustomize does without their schema. A list it knows neither way, or a patch directive
 * ({@code $patch}, {@code $setElementOrder}…), is refused rather than guessed.
 */
final class StrategicMerge {

    /** Merge keys of the built-in types' lists that the overlays may patch (from the Kubernetes API's patchMergeKey). */
    private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name",
            "env", "name", "volumes", "name", "volumeMounts", "mountPath", "imagePullSecrets", "name");

    /** Lists of the built-in types without a merge key: a patch replaces them. */
    private static final Set<String> ATOMIC = Set.of("metrics", "args", "command", "tls", "hosts", "rules", "paths");

    private static final Set<String> BUILT_IN_GROUPS = Set.of("", "apps", "policy", "autoscaling", "networking.k8s.io",
            "batch");

    private StrategicMerge() {
    }

    static boolean isBuiltIn(JsonNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        return BUILT_IN_GROUPS.contains(apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "");
    }

    static void apply(ObjectNode target, JsonNode patch, boolean builtIn) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.startsWith("$")) {
                throw new IllegalArgumentException("patch directive " + name + " is not rendered by these tests");
            }
            JsonNode current = target.get(name);
            if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && current instanceof ObjectNode currentObject) {
                apply(currentObject, value, builtIn);
            } else if (value.isArray() && current instanceof ArrayNode currentList && builtIn && !ATOMIC.contains(name)) {
                mergeList(name, currentList, (ArrayNode) value);
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    private static void mergeList(String name, ArrayNode current, ArrayNode patch) {
        String key = MERGE_KEYS.get(name);
        if (key == null) {
            throw new IllegalArgumentException("how a patch merges the list " + name + " is not known to these tests");
        }
        for (JsonNode item : patch) {
            ObjectNode existing = null;
            for (JsonNode candidate : current) {
                if (candidate.path(key).equals(item.path(key))) {
                    existing = (ObjectNode) candidate;
                }
            }
            if (existing == null) {
                current.add(item.deepCopy());
            } else {
                apply(existing, item, true);
            }
        }
    }
}
