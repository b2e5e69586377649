package org.kepu.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.net.URI;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.kepu.common.problem.Problem;

class ConcurrentChangeMapperTest {

    private static Response answerTo(String ifMatch) {
        ConcurrentChangeMapper mapper = new ConcurrentChangeMapper();
        mapper.headers = (HttpHeaders) Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(),
                new Class<?>[]{HttpHeaders.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getHeaderString") && HttpHeaders.IF_MATCH.equals(args[0])) {
                        return ifMatch;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return mapper.toResponse(new OptimisticLockException("row was updated by another transaction"));
    }

    private static URI type(Response response) {
        return ((Problem) response.getEntity()).type();
    }

    @Test
    void aLoserThatNamedAVersionIsToldItsPreconditionNoLongerHolds() {
        for (String ifMatch : new String[]{"\"3\"", "W/\"3\"", "\"2\", \"3\""}) {
            Response response = answerTo(ifMatch);
            assertEquals(412, response.getStatus(), ifMatch);
            assertEquals("application/problem+json", response.getMediaType().toString());
        }
    }

    @Test
    void aLoserThatNamedNoVersionIsToldTheStateMovedUnderIt() {
        for (String ifMatch : new String[]{null, "", "  ", "*", " * "}) {
            Response response = answerTo(ifMatch);
            assertEquals(409, response.getStatus(), "If-Match: " + ifMatch);
            assertEquals(URI.create("https://kepu.org/problems/concurrent-change"), type(response));
        }
    }

    @Test
    void withoutARequestItIsAConflict() {
        Response response = new ConcurrentChangeMapper().toResponse(new OptimisticLockException());
        assertEquals(409, response.getStatus());
        assertEquals(URI.create("https://kepu.org/problems/concurrent-change"), type(response));
    }
}
