package org.kepu.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Renders a Kustomize directory as {@code kubectl kustomize} does, for the few features deploy/kubernetes uses:
 * {@code resources} (files and directories with a kustomization of their own), {@code patches} (strategic merge
 * patches, several to a file, each finding its target by kind and name) and {@code images}. Any other field of a
 * kustomization is refused, so an overlay cannot use a feature whose effect these tests would not see. The tests
 * compare its output with kubectl's where kubectl is installed.
 */
final class Kustomization {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "patches", "images");

    private Kustomization() {
    }

    /** Every resource the directory's kustomization.yaml produces, patched, in the order the resources list them. */
    static List<ObjectNode> render(Path directory) throws IOException {
        JsonNode kustomization = YAML.readTree(directory.resolve("kustomization.yaml").toFile());
        for (Iterator<String> fields = kustomization.fieldNames(); fields.hasNext();) {
            String field = fields.next();
            if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(directory + ": kustomization field " + field + " is not rendered "
                        + "by these tests; use only " + SUPPORTED);
            }
        }
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path resource = directory.resolve(entry.asText()).normalize();
            resources.addAll(Files.isDirectory(resource) ? render(resource) : documents(resource));
        }
        for (JsonNode patchEntry : kustomization.path("patches")) {
            if (!patchEntry.has("path") || patchEntry.size() != 1) {
                throw new IllegalArgumentException(directory + ": only patches given by path are rendered: " + patchEntry);
            }
            for (ObjectNode patch : documents(directory.resolve(patchEntry.get("path").asText()))) {
                ObjectNode target = find(resources, patch);
                StrategicMerge.apply(target, patch, StrategicMerge.isBuiltIn(target));
            }
        }
        for (JsonNode image : kustomization.path("images")) {
            image.fieldNames().forEachRemaining(field -> {
                if (!Set.of("name", "newName", "newTag", "digest").contains(field)) {
                    throw new IllegalArgumentException(directory + ": images field " + field + " is not rendered");
                }
            });
            resources.forEach(resource -> replaceImages(resource, image));
        }
        return resources;
    }

    /** The documents of a YAML file, comments and empty documents left out. */
    static List<ObjectNode> documents(Path file) throws IOException {
        List<ObjectNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> parsed = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (parsed.hasNext()) {
                JsonNode document = parsed.next();
                if (document instanceof ObjectNode object && !object.isEmpty()) {
                    documents.add(object);
                }
            }
        }
        return documents;
    }

    private static ObjectNode find(List<ObjectNode> resources, ObjectNode patch) {
        String kind = patch.path("kind").asText();
        String name = patch.path("metadata").path("name").asText();
        String group = group(patch);
        List<ObjectNode> matches = resources.stream()
                .filter(r -> r.path("kind").asText().equals(kind) && group(r).equals(group)
                        && r.path("metadata").path("name").asText().equals(name))
                .toList();
        if (matches.size() != 1) {
            throw new IllegalArgumentException("a patch must match one resource, " + kind + " " + name + " matches "
                    + matches.size());
        }
        return matches.get(0);
    }

    private static String group(JsonNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    /** Kustomize's images transformer: every "image" of a container whose name (without tag or digest) matches. */
    private static void replaceImages(JsonNode node, JsonNode image) {
        if (node instanceof ObjectNode object) {
            for (String list : List.of("containers", "initContainers")) {
                for (JsonNode container : object.path(list)) {
                    if (container instanceof ObjectNode c && c.has("image")) {
                        c.put("image", replaced(c.get("image").asText(), image));
                    }
                }
            }
            object.elements().forEachRemaining(child -> replaceImages(child, image));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> replaceImages(child, image));
        }
    }

    private static String replaced(String reference, JsonNode image) {
        int digest = reference.indexOf('@');
        String withoutDigest = digest < 0 ? reference : reference.substring(0, digest);
        int colon = withoutDigest.lastIndexOf(':');
        boolean tagged = colon > withoutDigest.lastIndexOf('/');
        String name = tagged ? withoutDigest.substring(0, colon) : withoutDigest;
        if (!name.equals(image.path("name").asText())) {
            return reference;
        }
        String newName = image.path("newName").asText(name);
        if (image.has("digest")) {
            return newName + "@" + image.get("digest").asText();
        }
        String tag = image.has("newTag")
                ? ":" + image.get("newTag").asText()
                : tagged ? withoutDigest.substring(colon) : "";
        return newName + tag + (digest < 0 || image.has("newTag") ? "" : reference.substring(digest));
    }

    /** The rendered resources as "apiVersion/kind/name" to resource, for lookups in the tests. */
    static Map<String, ObjectNode> byId(List<ObjectNode> resources) {
        Map<String, ObjectNode> byId = new java.util.LinkedHashMap<>();
        for (ObjectNode resource : resources) {
            String id = resource.path("kind").asText() + "/" + resource.path("metadata").path("name").asText();
            if (byId.put(id, resource) != null) {
                throw new IllegalArgumentException("two resources are " + id);
            }
        }
        return byId;
    }
}
