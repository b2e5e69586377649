package org.kepu.common.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.kepu.common.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one Idempotency-Key mechanism of every creating endpoint in Kepu (as the IETF draft and Stripe describe it):
 * the first response to a key is kept and returned to every retry with the same body; the key reused with another
 * body is a 422; the same key while its first request is still running is a 409, so a client retries rather than
 * waits. The key is claimed in the same transaction as the creation, so both commit or neither does. Keys are kept
 * at least {@code kepu.idempotency.retention} (48 h by default; {@link IdempotencyKeyPurge}).
 */
@ApplicationScoped
public class IdempotentRequests {

    /** Keys longer than this are refused; clients usually send a UUID. */
    public static final int MAX_KEY_LENGTH = 200;

    /** What a creation answers: its URL, its ETag and its body (written as JSON). */
    public record Created(String location, String etag, Object body) {
    }

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public IdempotentRequests(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /**
     * Answers a creating request: 201 with the creation's Location, ETag and body; with a key, at most once per key.
     *
     * @param scope the operation and whatever makes two callers' keys distinct (the caller's subject, a phone)
     * @param key the client's Idempotency-Key, or null to create without one
     * @param request the request body, fingerprinted to tell a retry from a reuse
     * @param create the creation; runs in this method's transaction, only for a key not seen before
     */
    @Transactional
    public Response create(String scope, String key, Object request, Supplier<Created> create) {
        if (key == null) {
            return toResponse(stored(create.get()));
        }
        return toResponse(once(scope, key, write(request), () -> stored(create.get())));
    }

    /** The lower-level form: the response as kept, for callers that build their own. */
    @Transactional
    public StoredResponse once(String scope, String key, String requestBody, Supplier<StoredResponse> create) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid("Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String fingerprint = sha256(requestBody);
        // A request with this key still running holds this lock until its transaction ends: answer 409 at once
        // instead of waiting on its row.
        Object locked = entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtextextended(:lock, 0))")
                .setParameter("lock", scope + "\n" + key).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            throw ProblemException.conflict("idempotency-key-in-use", "Request in progress",
                    "A request with this Idempotency-Key is still being processed; retry it in a moment");
        }
        int claimed = entityManager.createNativeQuery("""
                INSERT INTO idempotency_key (scope, idempotency_key, fingerprint, status, body)
                VALUES (:scope, :key, :fingerprint, 0, '') ON CONFLICT DO NOTHING
                """).setParameter("scope", scope).setParameter("key", key).setParameter("fingerprint", fingerprint)
                .executeUpdate();
        if (claimed == 0) {
            return previous(scope, key, fingerprint);
        }
        StoredResponse response = create.get();
        entityManager.createNativeQuery("""
                UPDATE idempotency_key SET status = :status, location = :location, etag = :etag, body = :body
                WHERE scope = :scope AND idempotency_key = :key
                """).setParameter("status", response.status()).setParameter("location", response.location())
                .setParameter("etag", response.etag()).setParameter("body", response.body())
                .setParameter("scope", scope).setParameter("key", key).executeUpdate();
        return response;
    }

    private StoredResponse previous(String scope, String key, String fingerprint) {
        List<?> rows = entityManager.createNativeQuery("""
                SELECT fingerprint, status, location, etag, body FROM idempotency_key
                WHERE scope = :scope AND idempotency_key = :key
                """).setParameter("scope", scope).setParameter("key", key).getResultList();
        Object[] row = (Object[]) rows.get(0);
        if (!fingerprint.equals(row[0])) {
            throw ProblemException.unprocessable("idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was already used with a different request body; use a new key");
        }
        return new StoredResponse(((Number) row[1]).intValue(), (String) row[2], (String) row[3], (String) row[4]);
    }

    private StoredResponse stored(Created created) {
        return new StoredResponse(201, created.location(), created.etag(), write(created.body()));
    }

    private static Response toResponse(StoredResponse stored) {
        Response.ResponseBuilder response = Response.status(stored.status()).type(MediaType.APPLICATION_JSON)
                .entity(stored.body());
        if (stored.location() != null) {
            response.location(URI.create(stored.location()));
        }
        if (stored.etag() != null) {
            response.header("ETag", stored.etag());
        }
        return response.build();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
