package org.kepu.gateway.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kepu.gateway.config.EdgePolicies;
import org.kepu.gateway.domain.RequestPath;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The path step, then the route step, over paths a client might write to reach what it should not: dot-segments
 * plain and encoded, encoded slashes and backslashes in either case and encoded more than once, {@code ;}
 * parameters and empty segments, anywhere around a route's prefix. Whatever is sent, the request is refused, or what
 * is forwarded is a normalised path under the prefix of the route that takes it.
 */
class PathStepPropertiesTest {

    private static final Pattern ESCAPE = Pattern.compile("%([0-9A-Fa-f]{2})");

    private final PathStep pathStep = new PathStep();
    private final RouteStep routeStep = new RouteStep(EdgePolicies.routes(Heads.config()), 1000);

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> atom = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("a", "q", "metrics", "42", "api", "v1", "events", "reports")),
                Tuple.of(5, Arbitraries.of(".", "..", "%2E", "%2e", "%2E%2e", ".%2E")),
                Tuple.of(3, Arbitraries.of("%2F", "%2f", "%5C", "%5c", "\\", "%00")),
                // Encoded twice or more, or encoded digit by digit: %25 is '%', %32 '2', %46 'F'.
                Tuple.of(3, Arbitraries.of("%252F", "%252f", "%255C", "%255c", "%25252F", "%25%32%46", "%%32%66",
                        "%252E", "%252e", "%25%32%45")),
                Tuple.of(3, Arbitraries.of(";", ";v=1", "%3B", "%3b")),
                Tuple.of(1, Arbitraries.of("%25", "%41", "%2", "%zz")));
        // No atom at all is an empty segment: a repeated slash.
        Arbitrary<String> segment = atom.list().ofMaxSize(3).map(atoms -> String.join("", atoms));
        Arbitrary<List<String>> prefix = Arbitraries.of(List.of("api", "v1", "events"),
                List.of("api", "v1", "reports"));
        return Combinators.combine(segment.list().ofMaxSize(2), prefix, segment.list().ofMaxSize(6))
                .as((before, route, after) -> {
                    List<String> segments = new ArrayList<>(before);
                    segments.addAll(route);
                    segments.addAll(after);
                    return "/" + String.join("/", segments);
                });
    }

    @Property(tries = 5_000, seed = "20261207")
    void whatIsForwardedIsANormalisedPathUnderItsRoutesPrefixOrTheRequestIsRefused(@ForAll("paths") String sent) {
        Heads.Head head = Heads.request("GET", sent);
        Admission admission = new Admission();
        Optional<Answer> answer = pathStep.apply(head, admission).or(() -> routeStep.apply(head, admission));
        boolean hidesASeparator = hidesASeparator(sent);
        String outcome;
        if (answer.isPresent()) {
            Answer refusal = answer.get();
            outcome = refusal.status() + " " + refusal.problemType();
            if (hidesASeparator) {
                assertEquals("400 invalid-path", outcome, sent + " hides a slash, backslash or NUL");
            } else {
                assertTrue(outcome.equals("400 invalid-path") || outcome.equals("404 not-found"), outcome);
            }
        } else {
            outcome = "forwarded";
            String forwarded = admission.path();
            assertFalse(hidesASeparator, sent + " hides a slash, backslash or NUL, yet " + forwarded + " is forwarded");
            assertNormalised(forwarded, sent);
            assertTrue(admission.route().owns(forwarded),
                    forwarded + " is not under a prefix of " + admission.route().service());
            assertEquals(forwarded, RequestPath.normalise(forwarded), "normalising " + forwarded + " again");
        }
        Statistics.collect(outcome);
        // Each outcome must come up often enough to be tested, whatever the generator's weights drift to.
        Statistics.coverage(coverage -> {
            coverage.check("forwarded").percentage(percent -> percent > 10);
            coverage.check("400 invalid-path").percentage(percent -> percent > 10);
            coverage.check("404 not-found").percentage(percent -> percent > 5);
        });
    }

    /**
     * What a service would read as another path than the one the gateway judged: a segment that is {@code .} or
     * {@code ..} once decoded (as the service decodes it), or after further decoding, or before its {@code ;}
     * parameters; and anything that decodes, once or more, to a slash, backslash or NUL.
     */
    private static void assertNormalised(String forwarded, String sent) {
        String context = sent + " is forwarded as " + forwarded;
        assertTrue(forwarded.startsWith("/"), context);
        assertFalse(forwarded.contains("//"), context);
        for (String segment : forwarded.substring(1).split("/", -1)) {
            for (String layer = segment;; layer = decoded(layer)) {
                assertFalse(layer.contains("/") || layer.contains("\\") || layer.contains("\0"), context);
                String name = layer.split(";", -1)[0];
                assertFalse(name.equals(".") || name.equals(".."), context);
                if (decoded(layer).equals(layer)) {
                    break;
                }
            }
        }
    }

    /**
     * Whether the path, percent-decoded once or more as a whole, shows a slash that was not one as sent, or a
     * backslash or NUL at all: found without splitting it into segments, unlike the gateway.
     */
    private static boolean hidesASeparator(String sent) {
        long slashes = sent.chars().filter(c -> c == '/').count();
        for (String layer = sent;; layer = decoded(layer)) {
            if (layer.chars().filter(c -> c == '/').count() > slashes || layer.contains("\\")
                    || layer.contains("\0")) {
                return true;
            }
            if (decoded(layer).equals(layer)) {
                return false;
            }
        }
    }

    /** One percent-decoding, each escape to the character of its octet; a '%' not followed by two hex digits stays. */
    private static String decoded(String text) {
        return ESCAPE.matcher(text).replaceAll(
                escape -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(escape.group(1), 16))));
    }
}
