package org.kepu.common.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a service's {@code /q/metrics} answers (the Prometheus text format), for tests that check a metric is
 * exported and what it reads: each sample's name, labels and value.
 */
public final class PrometheusText {

    /** One line of the exposition: {@code name{label="value",…} value}. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private PrometheusText() {
    }

    /** Every sample in the text, in order; comments ({@code # HELP}, {@code # TYPE}) are skipped. */
    public static List<Sample> samples(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int brace = trimmed.indexOf('{');
            int space = trimmed.indexOf(' ');
            Map<String, String> labels = new LinkedHashMap<>();
            String name;
            String rest;
            if (brace >= 0 && (space < 0 || brace < space)) {
                int close = trimmed.lastIndexOf('}');
                name = trimmed.substring(0, brace);
                Matcher label = LABEL.matcher(trimmed.substring(brace + 1, close));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                rest = trimmed.substring(close + 1).strip();
            } else {
                name = trimmed.substring(0, space);
                rest = trimmed.substring(space + 1).strip();
            }
            samples.add(new Sample(name, labels, number(rest.split("\\s+")[0])));
        }
        return samples;
    }

    /** The names of every sample in the text. */
    public static Set<String> names(String text) {
        Set<String> names = new LinkedHashSet<>();
        samples(text).forEach(sample -> names.add(sample.name()));
        return names;
    }

    /** The value of the first sample named {@code name} whose labels include {@code labels}; empty if none. */
    public static OptionalDouble value(String text, String name, Map<String, String> labels) {
        return samples(text).stream()
                .filter(sample -> sample.name().equals(name) && sample.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value).findFirst();
    }

    private static double number(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}
