package org.kepu.common.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
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
 * at least {@code kepu.idempotency.retention} (48 h by default; then {@code org.kepu.common.housekeeping.Housekeeping} deletes them).
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

    /**
     * What a key already stands for, looked up before any work and outside any transaction, in one statement: the
     * first answer to replay (or a 422 for another body), a 409 while its first request still runs, or empty for a key
     * not seen before. Lets an endpoint refuse early (a full event, say) without answering a retry wrongly; the
     * creation itself still goes through {@link #create}, which settles any race since.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Response> earlier(String scope, String key, Object request) {
        if (key == null) {
            return Optional.empty();
        }
        requireValid(key);
        // In autocommit the transaction-scoped lock is released as the statement ends: it only asks whether a request
        // with this key holds it right now.
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                SELECT pg_try_advisory_xact_lock(hashtextextended(:lock, 0)), k.fingerprint, k.status, k.location,
                       k.etag, k.body
                FROM (SELECT 1) AS one LEFT JOIN idempotency_key k ON k.scope = :scope AND k.idempotency_key = :key
                """).setParameter("lock", scope + "\n" + key).setParameter("scope", scope).setParameter("key", key)
                .getSingleResult();
        if (!Boolean.TRUE.equals(row[0])) {
            throw inUse();
        }
        if (row[1] == null) {
            return Optional.empty();
        }
        if (!sha256(write(request)).equals(row[1])) {
            throw reused();
        }
        return Optional.of(toResponse(new StoredResponse(((Number) row[2]).intValue(), (String) row[3],
                (String) row[4], (String) row[5])));
    }

    /** The lower-level form: the response as kept, for callers that build their own. */
    @Transactional
    public StoredResponse once(String scope, String key, String requestBody, Supplier<StoredResponse> create) {
        requireValid(key);
        String fingerprint = sha256(requestBody);
        // A request with this key still running holds this lock until its transaction ends: answer 409 at once
        // instead of waiting on its row.
        Object locked = entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtextextended(:lock, 0))")
                .setParameter("lock", scope + "\n" + key).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            throw inUse();
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
            throw reused();
        }
        return new StoredResponse(((Number) row[1]).intValue(), (String) row[2], (String) row[3], (String) row[4]);
    }

    private static void requireValid(String key) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid("Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
    }

    private static ProblemException inUse() {
        return ProblemException.conflict("idempotency-key-in-use", "Request in progress",
                "A request with this Idempotency-Key is still being processed; retry it in a moment");
    }

    private static ProblemException reused() {
        return ProblemException.unprocessable("idempotency-key-reused", "Idempotency-Key reused",
                "This Idempotency-Key was already used with a different request body; use a new key");
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
