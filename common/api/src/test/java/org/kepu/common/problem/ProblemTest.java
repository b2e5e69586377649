package org.kepu.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kepu.common.rules.DomainException;

import com.fasterxml.jackson.databind.ObjectMapper;

class ProblemTest {

    @Test
    void aProblemsTypeIsItsSlugUnderTheStableBase() {
        Problem problem = Problem.of(409, "version-conflict", "Conflict", "changed meanwhile", null);
        assertEquals(URI.create("https://kepu.org/problems/version-conflict"), problem.type());
        assertEquals(List.of(), problem.errors());
    }

    @Test
    void itsResponseCarriesTheStatusAndTheProblemMediaType() {
        var response = Problem.of(400, "invalid-request", "Invalid", "bad", List.of()).toResponse();
        assertEquals(400, response.getStatus());
        assertEquals("application/problem+json", response.getMediaType().toString());
    }

    @Test
    void emptyErrorsAreLeftOutOfTheJsonAndFieldsAreNamed() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals("{\"type\":\"https://kepu.org/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
                + "\"detail\":\"no such event\"}",
                json.writeValueAsString(Problem.of(404, "not-found", "Not found", "no such event", List.of())));
        String invalid = json.writeValueAsString(Problem.of(400, "invalid-request", "Invalid", "see errors",
                List.of(new Problem.InvalidField("items[3].startsAt", "must not be null"))));
        assertEquals(true, invalid.contains("\"errors\":[{\"field\":\"items[3].startsAt\",\"message\":\"must not be null\"}]"),
                invalid);
    }

    @Test
    void eachKindOfDomainRefusalIsAnsweredWithItsStatusSlugAndFields() {
        Problem invalid = Problem.of(DomainException.invalid("size", "must be at most 5 for this event"));
        assertEquals(400, invalid.status());
        assertEquals(URI.create(Problem.TYPE_BASE + "validation-failed"), invalid.type());
        assertEquals(List.of(new Problem.InvalidField("size", "must be at most 5 for this event")), invalid.errors());
        assertEquals("size: must be at most 5 for this event", invalid.detail());

        Problem full = Problem.of(DomainException.conflict("event-full", "Event full", "Only 2 seats are left"));
        assertEquals(409, full.status());
        assertEquals(URI.create(Problem.TYPE_BASE + "event-full"), full.type());
        assertEquals("Event full", full.title());
        assertEquals("Only 2 seats are left", full.detail());

        assertEquals(404, Problem.of(DomainException.notFound("Event", "x")).status());
        assertEquals(403, Problem.of(DomainException.notPermitted("no")).status());
        assertEquals(410, Problem.of(DomainException.gone("cursor-expired", "Cursor too old", "start over")).status());
        for (DomainException.Kind kind : DomainException.Kind.values()) {
            assertTrue(List.of(400, 403, 404, 409, 410).contains(switch (kind) {
                case INVALID -> Problem.of(DomainException.invalid("f", "m")).status();
                case NOT_FOUND -> Problem.of(DomainException.notFound("X", 1)).status();
                case CONFLICT -> Problem.of(DomainException.conflict("c", "C", "d")).status();
                case NOT_PERMITTED -> Problem.of(DomainException.notPermitted("d")).status();
                case GONE -> Problem.of(DomainException.gone("g", "G", "d")).status();
            }), kind.name());
        }
    }
}
