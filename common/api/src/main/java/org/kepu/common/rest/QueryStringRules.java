package org.kepu.common.rest;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;

import org.kepu.common.problem.ProblemException;

/**
 * Two rules Jakarta REST does not apply to a query string, checked before a resource method runs: every parameter must
 * be valid UTF-8 once percent-decoded (otherwise a search for "%FF" silently becomes a search for "\uFFFD"), and a
 * parameter that takes one value may be given once (otherwise "the first one wins" hides a client's bug).
 *
 * <p>
 * Pure logic; {@link QueryStringFilter} applies it to every request of every service.
 */
public final class QueryStringRules {

    private static final Map<Method, Set<String>> SINGLE_VALUED = new ConcurrentHashMap<>();

    private QueryStringRules() {
    }

    /**
     * @param rawQuery the query as received, still percent-encoded; null or empty when there is none
     * @param singleValued the parameters that take one value
     * @throws ProblemException 400 naming the first parameter that breaks a rule
     */
    public static void check(String rawQuery, Set<String> singleValued) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        Map<String, Integer> seen = singleValued.isEmpty() ? null : new HashMap<>();
        int start = 0;
        while (start <= rawQuery.length()) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = rawQuery.length();
            }
            if (end > start) {
                int equals = rawQuery.indexOf('=', start);
                int nameEnd = equals < 0 || equals > end ? end : equals;
                String name = decode(rawQuery, start, nameEnd, null);
                if (nameEnd < end) {
                    decode(rawQuery, nameEnd + 1, end, name);
                }
                if (seen != null && singleValued.contains(name) && seen.merge(name, 1, Integer::sum) == 2) {
                    throw ProblemException.invalid(name, "takes one value but was given more than once");
                }
            }
            start = end + 1;
        }
    }

    /** The query parameters of a resource method (its own and its {@code @BeanParam}s') that are not collections. */
    public static Set<String> singleValuedParameters(Method method) {
        return SINGLE_VALUED.computeIfAbsent(method, QueryStringRules::collect);
    }

    private static Set<String> collect(Method method) {
        Set<String> names = new HashSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null && !isCollection(parameter.getType())) {
                names.add(query.value());
            }
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                collectFields(parameter.getType(), names);
            }
        }
        return Set.copyOf(names);
    }

    private static void collectFields(Class<?> bean, Set<String> names) {
        for (Class<?> type = bean; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                QueryParam query = field.getAnnotation(QueryParam.class);
                if (query != null && !isCollection(field.getType())) {
                    names.add(query.value());
                }
                if (field.isAnnotationPresent(BeanParam.class)) {
                    collectFields(field.getType(), names);
                }
            }
        }
    }

    private static boolean isCollection(Class<?> type) {
        return Collection.class.isAssignableFrom(type) || type.isArray();
    }

    /**
     * Percent-decodes {@code raw[from, to)} ('+' is a space) and checks the bytes are UTF-8; a value that is not is
     * blamed on {@code parameter}, or on the name itself when decoding a name.
     */
    static String decode(String raw, int from, int to, String parameter) {
        byte[] bytes = new byte[to - from];
        int length = 0;
        boolean plain = true;
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < to ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    throw invalidEncoding(parameter, "has a % not followed by two hexadecimal digits");
                }
                bytes[length++] = (byte) (high << 4 | low);
                i += 2;
                plain = false;
            } else if (c == '+') {
                bytes[length++] = ' ';
                plain = false;
            } else if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else {
                // Not a legal URI character; the server read the request line byte by byte, so each char is a byte.
                bytes[length++] = (byte) c;
                plain = false;
            }
        }
        if (plain) {
            return raw.substring(from, to);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalidEncoding(parameter, "is not valid UTF-8 once percent-decoded");
        }
    }

    private static ProblemException invalidEncoding(String parameter, String why) {
        return parameter != null
                ? ProblemException.invalid(parameter, why)
                : ProblemException.invalid("query", "contains a parameter name that " + why);
    }
}
