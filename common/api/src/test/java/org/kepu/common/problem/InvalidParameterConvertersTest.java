package org.kepu.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;

import org.junit.jupiter.api.Test;
import org.kepu.common.problem.Problem.InvalidField;

class InvalidParameterConvertersTest {

    /** Stands for a resource method: its parameters carry the annotations Jakarta REST hands the provider. */
    @SuppressWarnings("unused")
    static void resource(@QueryParam("on") LocalDate on, @PathParam("id") UUID id, @QueryParam("at") Instant at,
            @QueryParam("day") DayOfWeek day, @QueryParam("opensAt") LocalTime opensAt, @QueryParam("q") String q,
            @QueryParam("from") OffsetDateTime from, LocalDate body) {
    }

    private static <T> ParamConverter<T> converter(Class<T> type, int parameter) throws Exception {
        Method resource = InvalidParameterConvertersTest.class.getDeclaredMethod("resource", LocalDate.class, UUID.class,
                Instant.class, DayOfWeek.class, LocalTime.class, String.class, OffsetDateTime.class, LocalDate.class);
        Annotation[] annotations = resource.getParameterAnnotations()[parameter];
        return new InvalidParameterConverters().getConverter(type, type, annotations);
    }

    private static InvalidField refusal(ParamConverter<?> converter, String value) {
        Problem problem = assertThrows(ProblemException.class, () -> converter.fromString(value), value).problem();
        assertEquals(400, problem.status(), value);
        assertEquals(1, problem.errors().size(), value);
        return problem.errors().get(0);
    }

    @Test
    void aDateThatIsNotADateIsA400NamingTheParameter() throws Exception {
        ParamConverter<LocalDate> on = converter(LocalDate.class, 0);
        for (String wrong : List.of("not-a-date", "2024-02-30", "2024-5-1", "2024-05-18T09:00:00+08:00",
                "1716000000", "+12024-01-01", "1899-12-31")) {
            assertEquals(new InvalidField("on", InvalidParameterConverters.DATE_RULE), refusal(on, wrong));
        }
        assertEquals(LocalDate.of(2024, 2, 29), on.fromString("2024-02-29"));
        assertNull(on.fromString(""));
    }

    @Test
    void aUuidOnlyInItsCanonicalFormAndAnythingElseNamesTheParameter() throws Exception {
        ParamConverter<UUID> id = converter(UUID.class, 1);
        for (String wrong : List.of("not-a-uuid", "1-1-1-1-1", "5f1c3a52-9a4e-4c55-9d51-0f6c2d1c8e1",
                "{5f1c3a52-9a4e-4c55-9d51-0f6c2d1c8e11}")) {
            assertEquals(new InvalidField("id", InvalidParameterConverters.UUID_RULE), refusal(id, wrong));
        }
        assertEquals(UUID.fromString("5f1c3a52-9a4e-4c55-9d51-0f6c2d1c8e11"),
                id.fromString("5F1C3A52-9A4E-4C55-9D51-0F6C2D1C8E11"));
    }

    @Test
    void instantsAndTimesFollowTheOneTimeRule() throws Exception {
        assertEquals("at", refusal(converter(Instant.class, 2), "1716000000").field());
        assertEquals("from", refusal(converter(OffsetDateTime.class, 6), "2024-05-18T09:00:00").field());
        assertEquals(Instant.parse("2024-05-18T01:00:00Z"),
                converter(Instant.class, 2).fromString("2024-05-18T09:00:00+08:00"));
    }

    @Test
    void anEnumNamesWhatItAccepts() throws Exception {
        InvalidField refused = refusal(converter(DayOfWeek.class, 3), "someday");
        assertEquals("day", refused.field());
        assertEquals("must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY", refused.message());
        assertEquals(DayOfWeek.FRIDAY, converter(DayOfWeek.class, 3).fromString("friday"));
    }

    @Test
    void aTypeNotNamedHereIsReadByItsOwnFactoryAndStillNamedWhenRefused() throws Exception {
        ParamConverter<LocalTime> opensAt = converter(LocalTime.class, 4);
        assertEquals(new InvalidField("opensAt", "must be a LocalTime"), refusal(opensAt, "25:00"));
        assertEquals(LocalTime.of(9, 30), opensAt.fromString("09:30"));
    }

    @Test
    void textAndUnnamedParametersAreLeftToJakartaRest() throws Exception {
        assertNull(converter(String.class, 5));
        assertNull(converter(LocalDate.class, 7));
    }
}
