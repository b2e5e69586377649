package org.kepu.common.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
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
 * Reads every path, query and header parameter that is not plain text — enums, numbers, booleans, dates, times, UUIDs
 * and any other type with a factory from text — so that a bad value is a 400 problem naming the parameter and what it
 * accepts.
 *
 * <p>
 * Jakarta REST answers a query or path parameter it cannot convert with 404, which tells a client nothing; Quarkus
 * keeps that behaviour (quarkusio/quarkus#49074), so our converters raise the problem themselves. A type without a
 * converter of ours would fall back to Quarkus' own and to that 404: hence the fallback for types this class does not
 * name, rather than a list that a new parameter type silently escapes.
 */
@Provider
public class InvalidParameterConverters implements ParamConverterProvider {

    /** What a client is told when a date cannot be read; the same years as {@link IsoTimes}. */
    static final String DATE_RULE = "must be an ISO-8601 date between years " + IsoTimes.FIRST_YEAR + " and "
            + IsoTimes.LAST_YEAR + ", e.g. 2024-05-18";

    static final String UUID_RULE = "must be a UUID such as 5f1c3a52-9a4e-4c55-9d51-0f6c2d1c8e11";

    private static final String WHOLE_NUMBER = "must be a whole number";

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");

    /** The form the OpenAPI document promises; UUID.fromString also takes "1-1-1-1-1", which no client means. */
    private static final Pattern CANONICAL_UUID = Pattern
            .compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (name == null || rawType == String.class) {
            return null;
        }
        if (rawType.isEnum()) {
            String allowed = Arrays.stream(rawType.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return (ParamConverter<T>) new Converter<>(name, "must be one of " + allowed,
                    value -> Enum.valueOf((Class) rawType, value.toUpperCase()));
        }
        if (rawType == OffsetDateTime.class) {
            return (ParamConverter<T>) new Converter<>(name, IsoTimes.RULE, IsoTimes::parse);
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) new Converter<>(name, IsoTimes.RULE, value -> IsoTimes.parse(value).toInstant());
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) new Converter<>(name, DATE_RULE, InvalidParameterConverters::isoDate);
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) new Converter<>(name, UUID_RULE, InvalidParameterConverters::canonicalUuid);
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
        Function<String, T> factory = textFactory(rawType);
        return factory == null ? null : new Converter<>(name, "must be a " + rawType.getSimpleName(), factory);
    }

    private static LocalDate isoDate(String value) {
        LocalDate date = LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
        if (date.getYear() < IsoTimes.FIRST_YEAR || date.getYear() > IsoTimes.LAST_YEAR) {
            throw new IllegalArgumentException(value);
        }
        return date;
    }

    private static UUID canonicalUuid(String value) {
        if (!CANONICAL_UUID.matcher(value).matches()) {
            throw new IllegalArgumentException(value);
        }
        return UUID.fromString(value);
    }

    /** Plain decimal notation only: no NaN, no Infinity, no hexadecimal, nothing Double.parseDouble also accepts. */
    private static Double finiteDecimal(String value) {
        if (!DECIMAL.matcher(value).matches()) {
            throw new IllegalArgumentException(value);
        }
        return new BigDecimal(value).doubleValue();
    }

    private static Boolean strictBoolean(String value) {
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(value);
        };
    }

    /**
     * How Jakarta REST itself would build the type from text (a public static {@code valueOf} or {@code fromString}
     * taking a String, a public constructor taking one), plus the {@code parse(CharSequence)} of java.time's types;
     * null when there is none.
     */
    private static <T> Function<String, T> textFactory(Class<T> type) {
        for (String factory : new String[]{"valueOf", "fromString", "parse"}) {
            for (Class<?> argument : new Class<?>[]{String.class, CharSequence.class}) {
                try {
                    Method method = type.getMethod(factory, argument);
                    if (Modifier.isStatic(method.getModifiers()) && type.isAssignableFrom(method.getReturnType())) {
                        return value -> type.cast(invoke(() -> method.invoke(null, value)));
                    }
                } catch (NoSuchMethodException tryTheNext) {
                    // the type has no such factory
                }
            }
        }
        try {
            Constructor<T> constructor = type.getConstructor(String.class);
            return value -> type.cast(invoke(() -> constructor.newInstance(value)));
        } catch (NoSuchMethodException none) {
            return null;
        }
    }

    private interface Reflective {
        Object call() throws ReflectiveOperationException;
    }

    /** The factory's own failure, unwrapped, so that the converter treats it as a bad value. */
    private static Object invoke(Reflective call) {
        try {
            return call.call();
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException refused ? refused : new IllegalArgumentException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
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

    /** Converts with {@code parse}; any failure to read the value becomes a 400 naming the parameter. */
    private record Converter<T>(String name, String rule, Function<String, T> parse) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null || value.isEmpty()) {
                return null;
            }
            try {
                return parse.apply(value.trim());
            } catch (IllegalArgumentException | DateTimeException e) {
                throw ProblemException.invalid(name, rule);
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
