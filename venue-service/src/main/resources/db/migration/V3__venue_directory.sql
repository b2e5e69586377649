-- The venue directory (issue 17): everything a visitor, a venue manager and the staff who certify education bases need
-- to know about a place, its opening hours, its managers and its certification history.
ALTER TABLE venue
    ADD COLUMN description_zh      text,
    ADD COLUMN description_en      text,
    -- Derived from the division code on every write, as events derive theirs, so that searches filter by a column.
    ADD COLUMN city_code           char(6),
    ADD COLUMN economic_region     varchar(8),
    ADD COLUMN themes              text[]      NOT NULL DEFAULT '{}',
    ADD COLUMN audiences           text[]      NOT NULL DEFAULT '{}',
    ADD COLUMN capacity            integer,
    ADD COLUMN facilities          text[]      NOT NULL DEFAULT '{}',
    ADD COLUMN accessibility       text[]      NOT NULL DEFAULT '{}',
    ADD COLUMN tour_languages      text[]      NOT NULL DEFAULT '{}',
    ADD COLUMN contact_phone       varchar(40),
    ADD COLUMN contact_email       varchar(200),
    ADD COLUMN website             varchar(500),
    ADD COLUMN photos              text[]      NOT NULL DEFAULT '{}',
    ADD COLUMN status              varchar(24) NOT NULL DEFAULT 'ACTIVE',
    ADD COLUMN status_reason       varchar(500),
    -- Character-pair terms of the names, descriptions and address (kepu_search_terms: db/common V2_1).
    ADD COLUMN search_terms        text[] GENERATED ALWAYS AS (kepu_search_terms(name_zh || ' ' || coalesce(name_en, '')
        || ' ' || coalesce(description_zh, '') || ' ' || coalesce(description_en, '') || ' ' || coalesce(address, ''))) STORED,
    -- The education-base certification as of the newest move (the history is in certification_move); its level and
    -- validity are read with today's date, so a lapsed certificate needs no nightly job.
    ADD COLUMN cert_status         varchar(24),
    ADD COLUMN cert_level          varchar(24),
    ADD COLUMN cert_valid_from     date,
    ADD COLUMN cert_valid_until    date,
    ADD COLUMN cert_last_evaluated integer;

UPDATE venue SET city_code = CASE WHEN substr(division_code, 3, 2) IN ('19', '20') THEN division_code
                                  ELSE substr(division_code, 1, 4) || '00' END;

-- A weekly schedule: several ranges a day, in Asia/Shanghai local time, minutes since midnight (1440 = 24:00).
CREATE TABLE venue_weekly_hours (
    venue_id    uuid     NOT NULL REFERENCES venue (id) ON DELETE CASCADE,
    day_of_week smallint NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    opens       smallint NOT NULL CHECK (opens BETWEEN 0 AND 1439),
    closes      smallint NOT NULL CHECK (closes BETWEEN 1 AND 1440),
    CHECK (closes > opens)
);
CREATE INDEX venue_weekly_hours_by_venue ON venue_weekly_hours (venue_id, day_of_week);

-- Dated exceptions replace the week's ranges for that day: no range (opens NULL) means closed all day.
CREATE TABLE venue_dated_hours (
    venue_id uuid     NOT NULL REFERENCES venue (id) ON DELETE CASCADE,
    day      date     NOT NULL,
    opens    smallint CHECK (opens BETWEEN 0 AND 1439),
    closes   smallint CHECK (closes BETWEEN 1 AND 1440),
    note     varchar(200),
    CHECK ((opens IS NULL AND closes IS NULL) OR closes > opens)
);
CREATE INDEX venue_dated_hours_by_venue ON venue_dated_hours (venue_id, day);

-- Venue managers an admin has assigned (token subjects); a token's `venues` claim scopes a manager too.
CREATE TABLE venue_manager (
    venue_id    uuid         NOT NULL REFERENCES venue (id) ON DELETE CASCADE,
    subject     varchar(200) NOT NULL,
    assigned_at timestamptz  NOT NULL,
    assigned_by varchar(200) NOT NULL,
    PRIMARY KEY (venue_id, subject)
);
CREATE INDEX venue_manager_by_subject ON venue_manager (subject);

-- Every certification move, dated and attributed, in order; the venue row carries the state they lead to.
CREATE TABLE certification_move (
    id          uuid PRIMARY KEY,
    venue_id    uuid         NOT NULL REFERENCES venue (id),
    seq         integer      NOT NULL,
    move        varchar(24)  NOT NULL,
    status      varchar(24)  NOT NULL,
    level       varchar(24),
    valid_from  date,
    valid_until date,
    eval_year   integer,
    score       integer,
    result      varchar(24),
    notes       varchar(2000),
    moved_at    timestamptz  NOT NULL,
    moved_by    varchar(200) NOT NULL,
    UNIQUE (venue_id, seq)
);
CREATE UNIQUE INDEX certification_one_evaluation_a_year ON certification_move (venue_id, eval_year) WHERE move = 'EVALUATE';

CREATE EXTENSION IF NOT EXISTS btree_gist;
-- Public searches: by city (any division level resolves to city or county columns), kind, near a point, free text.
CREATE INDEX venue_by_city ON venue (city_code, kind) WHERE status <> 'CLOSED';
CREATE INDEX venue_public_near ON venue USING GIST (point(longitude * 0.9177, latitude))
    WHERE status <> 'CLOSED' AND latitude IS NOT NULL AND longitude IS NOT NULL;
CREATE INDEX venue_by_terms ON venue USING GIN (search_terms);
CREATE INDEX venue_certified ON venue (cert_level, cert_status) WHERE cert_status IS NOT NULL;
