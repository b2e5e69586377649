-- Shared by every service's database: the transactional outbox and the idempotent-consumer inbox.
-- Versions 0.x belong to kepu-common; each service's own migrations start at V1.

CREATE TABLE outbox_message (
    seq           BIGSERIAL PRIMARY KEY,           -- relay order; per-key order follows from it
    id            UUID        NOT NULL UNIQUE,     -- the CloudEvent id
    topic         TEXT        NOT NULL,
    message_key   TEXT        NOT NULL,
    type          TEXT        NOT NULL,
    cloud_event   TEXT        NOT NULL,            -- the whole CloudEvent, structured JSON mode
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at  TIMESTAMPTZ,
    attempts      INT         NOT NULL DEFAULT 0,
    last_error    TEXT
);

CREATE INDEX outbox_message_pending ON outbox_message (seq) WHERE published_at IS NULL;

CREATE TABLE processed_message (
    consumer      TEXT        NOT NULL,
    message_id    TEXT        NOT NULL,
    processed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);
