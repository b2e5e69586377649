package org.kepu.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class UnexpectedErrorMapperTest {

    private final UnexpectedErrorMapper mapper = new UnexpectedErrorMapper();

    @Test
    void aPoolThatHadNoConnectionToGiveIsABusyServiceToBeRetriedNotABug() {
        // As Hibernate wraps Agroal's failure: the pool's plain SQLException two causes down.
        var failure = new IllegalStateException("could not open connection",
                new RuntimeException(new SQLException("Sorry, acquisition timeout!")));
        var response = mapper.toResponse(failure);
        assertEquals(503, response.getStatus());
        assertEquals("1", response.getHeaderString("Retry-After"));
        assertEquals("application/problem+json", response.getMediaType().toString());
        assertEquals(URI.create("https://kepu.org/problems/service-busy"), ((Problem) response.getEntity()).type());
    }

    @Test
    void aDatabaseThatRefusedTheConnectionIsUnavailableToBeRetriedNotABug() {
        var failure = new RuntimeException("could not prepare statement",
                new SQLException("FATAL: password authentication failed for user \"kepu_venue\"", "28P01"));
        var response = mapper.toResponse(failure);
        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString("Retry-After"));
        assertEquals("application/problem+json", response.getMediaType().toString());
        assertEquals(URI.create("https://kepu.org/problems/database-unavailable"),
                ((Problem) response.getEntity()).type());
    }

    @Test
    void anyOtherDatabaseFailureStaysAnInternalError() {
        var response = mapper.toResponse(new RuntimeException(new SQLException("relation does not exist", "42P01")));
        assertEquals(500, response.getStatus());
        assertNull(response.getHeaderString("Retry-After"));
        assertEquals(URI.create("https://kepu.org/problems/internal-error"), ((Problem) response.getEntity()).type());
    }
}
