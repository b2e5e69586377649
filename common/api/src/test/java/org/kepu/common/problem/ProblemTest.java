package org.kepu.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

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
}
