package org.kepu.common.json;

import java.io.IOException;
import java.time.OffsetDateTime;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Every Kepu service reads JSON strictly: a value of the wrong JSON type is refused, never reinterpreted.
 *
 * <p>
 * The rules, each refusal a 400 problem naming the field ({@code problem.JsonInputMapper}):
 * <ul>
 * <li>enums by name only, exactly as listed (no positions, no other case);</li>
 * <li>integers only from JSON integers in range (no fractions, no strings, no truncation);</li>
 * <li>decimals from JSON numbers, booleans from {@code true}/{@code false}, text from JSON strings only;</li>
 * <li>times only as ISO-8601 strings with an offset, within {@link IsoTimes}' range (no epoch numbers);</li>
 * <li>a property the type does not have is refused, naming it — a misspelt optional field would otherwise be lost
 * without a word; duplicate properties and anything after the JSON value are refused too.</li>
 * </ul>
 * Facts read from Kafka are the exception for unknown properties: their types say
 * {@code @JsonIgnoreProperties(ignoreUnknown = true)}, because facts change additively.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** Runs after Quarkus' own customizers, so that the time rule replaces the JSR-310 module's lenient reader. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    /** Makes {@code mapper} strict; public so that tests and tools read JSON exactly as the services do. */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL,
                DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        if (mapper instanceof JsonMapper json) {
            json.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
            json.configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, false);
        }
        for (LogicalType type : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("kepu-strict-times").addDeserializer(OffsetDateTime.class,
                new OffsetDateTimeFromIsoString()).addSerializer(OffsetDateTime.class, new OffsetDateTimeAsIsoString()));
        return mapper;
    }

    /** Times from ISO-8601 strings with an offset only; see {@link IsoTimes}. */
    static final class OffsetDateTimeFromIsoString extends StdScalarDeserializer<OffsetDateTime> {

        OffsetDateTimeFromIsoString() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
            }
            String text = parser.getText();
            try {
                return IsoTimes.parse(text);
            } catch (IllegalArgumentException e) {
                return (OffsetDateTime) context.handleWeirdStringValue(OffsetDateTime.class, text, IsoTimes.RULE);
            }
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }

    /** Times as ISO-8601 strings with their offset, written by {@link IsoTimes#format}. */
    static final class OffsetDateTimeAsIsoString extends StdScalarSerializer<OffsetDateTime> {

        OffsetDateTimeAsIsoString() {
            super(OffsetDateTime.class);
        }

        @Override
        public void serialize(OffsetDateTime value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeString(IsoTimes.format(value));
        }
    }
}
