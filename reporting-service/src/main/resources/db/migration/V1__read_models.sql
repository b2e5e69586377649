-- Read models: each row is the latest state of one aggregate as its facts told it; version guards against stale facts.
CREATE TABLE event_summary (
    event_id         UUID PRIMARY KEY,
    version          BIGINT       NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    type             VARCHAR(40)  NOT NULL,
    division_code    CHAR(6)      NOT NULL,
    city_code        CHAR(6),
    economic_region  VARCHAR(10),
    starts_at        TIMESTAMPTZ  NOT NULL,
    organizer_org    VARCHAR(100) NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX event_summary_by_city ON event_summary (city_code, status);

CREATE TABLE venue_summary (
    venue_id         UUID PRIMARY KEY,
    version          BIGINT       NOT NULL,
    kind             VARCHAR(40)  NOT NULL,
    name_zh          VARCHAR(200) NOT NULL,
    division_code    CHAR(6)      NOT NULL,
    city_code        CHAR(6),
    economic_region  VARCHAR(10),
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX venue_summary_by_city ON venue_summary (city_code);
