CREATE TABLE event (
    id              UUID PRIMARY KEY,
    title_zh        VARCHAR(200)  NOT NULL,
    title_en        VARCHAR(200),
    description_zh  VARCHAR(5000),
    description_en  VARCHAR(5000),
    type            VARCHAR(40)   NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    starts_at       TIMESTAMPTZ   NOT NULL,
    ends_at         TIMESTAMPTZ   NOT NULL,
    division_code   CHAR(6)       NOT NULL,
    address         VARCHAR(300),
    latitude        DOUBLE PRECISION,
    longitude       DOUBLE PRECISION,
    venue_id        UUID,
    organizer_org   VARCHAR(100)  NOT NULL,
    capacity        INT,
    created_at      TIMESTAMPTZ   NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL,
    published_at    TIMESTAMPTZ,
    version         BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT event_ends_after_start CHECK (ends_at >= starts_at)
);

CREATE INDEX event_public_by_start ON event (starts_at) WHERE status <> 'DRAFT';
CREATE INDEX event_by_division ON event (division_code);
CREATE INDEX event_by_organizer ON event (organizer_org);
