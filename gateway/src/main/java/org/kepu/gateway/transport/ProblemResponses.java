package org.kepu.gateway.transport;

import java.util.List;

import jakarta.inject.Singleton;

import org.kepu.common.problem.Problem;
import org.kepu.gateway.policy.Answer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpServerResponse;

/** Writes the gateway's own errors (401, 404, 502–504…) in the same RFC 9457 shape the services use. */
@Singleton
public class ProblemResponses {

    private final ObjectMapper objectMapper;

    public ProblemResponses(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** 413: the body is over the limit, whether its declared length said so or its chunks, counted on the way. */
    public void bodyTooLarge(HttpServerResponse response, long maxBodyBytes) {
        Answer answer = Answer.bodyTooLarge(maxBodyBytes);
        send(response, answer.status(), answer.problemType(), answer.title(), answer.detail());
    }

    /** Answers with a problem, or cuts the connection if an answer has already begun. */
    public void send(HttpServerResponse response, int status, String slug, String title, String detail) {
        if (response.headWritten()) {
            response.reset();
            return;
        }
        String body;
        try {
            body = objectMapper.writeValueAsString(Problem.of(status, slug, title, detail, List.of()));
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }
}
