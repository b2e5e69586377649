CREATE TABLE venue (
    id              UUID PRIMARY KEY,
    name_zh         VARCHAR(200)  NOT NULL,
    name_en         VARCHAR(200),
    kind            VARCHAR(40)   NOT NULL,
    division_code   CHAR(6)       NOT NULL,
    address         VARCHAR(300),
    latitude        DOUBLE PRECISION,
    longitude       DOUBLE PRECISION,
    created_at      TIMESTAMPTZ   NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0
);

CREATE INDEX venue_by_division ON venue (division_code);
CREATE INDEX venue_by_kind ON venue (kind);
