package org.kepu.common.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.kepu.common.problem.ProblemException;

/**
 * Runs a creating request at most once per Idempotency-Key: the key is claimed in the same transaction as the
 * creation, so a retry — even one racing the first attempt — gets the first response, and a key reused with another
 * body gets 422.
 */
@ApplicationScoped
public class IdempotentRequests {

    /** Keys longer than this are refused; clients usually send a UUID. */
    public static final int MAX_KEY_LENGTH = 200;

    private final EntityManager entityManager;

    public IdempotentRequests(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * @param scope the operation and the caller, so that two callers never share a key
     * @param key the client's Idempotency-Key
     * @param requestBody the request as canonical JSON, fingerprinted to recognise a retry
     * @param create the creation; runs only for a key not seen before, inside this method's transaction
     */
    @Transactional
    public StoredResponse once(String scope, String key, String requestBody, Supplier<StoredResponse> create) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid("Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String fingerprint = sha256(requestBody);
        // Claim the key first: a concurrent request with the same key waits here until this transaction ends.
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

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
