package org.kepu.common.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.kepu.common.problem.Problem;
import org.kepu.common.problem.ProblemException;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What IdempotentRequests decides before it reaches the database; the stored keys are tested in the services. */
class IdempotentRequestsTest {

    // No database: anything that reached it would fail with a NullPointerException, not the answers asserted here.
    private final IdempotentRequests requests = new IdempotentRequests(null, new ObjectMapper());
    private final AtomicInteger creations = new AtomicInteger();

    private IdempotentRequests.Created create() {
        creations.incrementAndGet();
        return new IdempotentRequests.Created("/api/v1/venues/v-1", "\"1\"", Map.of("id", "v-1"));
    }

    @Test
    void withoutAKeyTheCreationRunsAndIsAnsweredAs201WithItsLocationETagAndBody() {
        Response response = requests.create("POST /api/v1/venues|sub", null, Map.of("nameZh", "科学馆"), this::create);
        assertEquals(201, response.getStatus());
        assertEquals("/api/v1/venues/v-1", response.getLocation().toString());
        assertEquals("\"1\"", response.getHeaderString("ETag"));
        assertEquals("application/json", response.getMediaType().toString());
        assertEquals("{\"id\":\"v-1\"}", response.getEntity());
        assertEquals(1, creations.get());
    }

    @Test
    void withoutAKeyThereIsNothingEarlierToReplay() {
        assertTrue(requests.earlier("POST /api/v1/venues|sub", null, Map.of()).isEmpty());
    }

    @Test
    void anEmptyBlankOrOverlongKeyIsRefusedNamingTheHeaderBeforeAnythingIsCreated() {
        for (String key : List.of("", "   ", "k".repeat(IdempotentRequests.MAX_KEY_LENGTH + 1))) {
            for (Runnable attempt : List.<Runnable>of(
                    () -> requests.create("POST /api/v1/venues|sub", key, Map.of(), this::create),
                    () -> requests.earlier("POST /api/v1/venues|sub", key, Map.of()))) {
                Problem problem = assertThrows(ProblemException.class, attempt::run).problem();
                assertEquals(400, problem.status());
                assertEquals(List.of("Idempotency-Key"),
                        problem.errors().stream().map(Problem.InvalidField::field).toList());
            }
        }
        assertEquals(0, creations.get());
    }
}
