package org.kepu.common.vocabulary;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Reads and caches the {@code .labels} file of each vocabulary enum. */
final class VocabularyLabels {

    /** One value's labels. */
    record Label(String zh, String en) {
    }

    private static final ClassValue<Map<String, Label>> LABELS = new ClassValue<>() {
        @Override
        protected Map<String, Label> computeValue(Class<?> vocabulary) {
            return load(vocabulary);
        }
    };

    private VocabularyLabels() {
    }

    static Label of(Labelled value) {
        Class<?> vocabulary = value instanceof Enum<?> constant ? constant.getDeclaringClass() : value.getClass();
        Label label = LABELS.get(vocabulary).get(value.name());
        if (label == null) {
            throw new IllegalStateException(vocabulary.getSimpleName() + ".labels has no line for " + value.name());
        }
        return label;
    }

    private static Map<String, Label> load(Class<?> vocabulary) {
        String resource = vocabulary.getSimpleName() + ".labels";
        try (InputStream in = vocabulary.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing beside " + vocabulary.getName());
            }
            Properties lines = new Properties();
            lines.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, Label> labels = new HashMap<>();
            lines.forEach((code, text) -> {
                String[] parts = text.toString().split("\\|", 2);
                labels.put(code.toString(), new Label(parts[0].trim(), parts.length > 1 ? parts[1].trim() : parts[0].trim()));
            });
            return labels;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
