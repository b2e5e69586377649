package org.kepu.common.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.kepu.common.json.IsoTimes;

/**
 * Reads enum, number, boolean, time and UUID parameters so that a bad value is a 400 problem naming the parameter and
 * what it accepts.
 *
 * <p>
 * Jakarta REST answers a query parameter it cannot convert with 404, which tells a client nothing; Quarkus keeps that
 * behaviour (quarkusio/quarkus#49074), so our converters raise the problem themselves.
 */
@Provider
public class InvalidParameterConverters implements ParamConverterProvider {

    private static final String WHOLE_NUMBER = "must be a whole number";

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (name == null) {
            return null;
        }
        if (rawType.isEnum()) {
            String allowed = Arrays.stream(rawType.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return (ParamConverter<T>) new Converter<>(name, "must be one of " + allowed,
                    value -> Enum.valueOf((Class) rawType, value.trim().toUpperCase()));
        }
        if (rawType == OffsetDateTime.class) {
            return (ParamConverter<T>) new Converter<>(name, IsoTimes.RULE, IsoTimes::parse);
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) new Converter<>(name, "must be a UUID", UUID::fromString);
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new Converter<>(name,
                    WHOLE_NUMBER + " from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE, Integer::valueOf);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) new Converter<>(name, WHOLE_NUMBER, Long::valueOf);
        }
        if (rawType == Double.class || rawType == double.class) {
            return (ParamConverter<T>) new Converter<>(name, "must be a decimal number such as 23.1291",
                    InvalidParameterConverters::finiteDecimal);
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) new Converter<>(name, "must be true or false",
                    InvalidParameterConverters::strictBoolean);
        }
        return null;
    }

    /** Plain decimal notation only: no NaN, no Infinity, no hexadecimal, nothing Double.parseDouble also accepts. */
    private static Double finiteDecimal(String value) {
        String text = value.trim();
        if (!DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException(value);
        }
        return new BigDecimal(text).doubleValue();
    }

    private static Boolean strictBoolean(String value) {
        return switch (value.trim()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return null;
    }

    /** Converts with {@code parse}; any failure becomes a 400 naming the parameter. */
    private record Converter<T>(String name, String rule, Function<String, T> parse) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null || value.isEmpty()) {
                return null;
            }
            try {
                return parse.apply(value.trim());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid(name, rule);
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
