-- Creating requests may carry an Idempotency-Key: the first response is kept and returned to every retry.
CREATE TABLE idempotency_key (
    scope            TEXT        NOT NULL,   -- who sent it and to which operation, e.g. "POST /api/v1/events|sub"
    idempotency_key  TEXT        NOT NULL,
    fingerprint      TEXT        NOT NULL,   -- SHA-256 of the request body, to tell a retry from a reuse
    status           INT         NOT NULL,
    location         TEXT,
    etag             TEXT,
    body             TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotency_key_by_age ON idempotency_key (created_at);
