-- Group visit bookings (issue 18): venue managers publish bookable slots; a school class books one; the slot's seat
-- count is kept on its own row, so that one row lock (SELECT … FOR UPDATE, taken by every booking change of the slot)
-- orders all seat decisions of a slot and it is never overbooked.
CREATE TABLE visit_slot (
    id           uuid PRIMARY KEY,
    venue_id     uuid         NOT NULL REFERENCES venue (id),
    starts_at    timestamptz  NOT NULL,
    ends_at      timestamptz  NOT NULL,
    capacity     integer      NOT NULL CHECK (capacity > 0),
    booked_seats integer      NOT NULL DEFAULT 0 CHECK (booked_seats >= 0),
    audience     varchar(40),
    notes        varchar(500),
    status       varchar(16)  NOT NULL,
    created_at   timestamptz  NOT NULL,
    version      bigint       NOT NULL DEFAULT 0,
    CHECK (ends_at > starts_at),
    CHECK (booked_seats <= capacity),
    -- Two open slots of one venue never overlap, whoever writes them (the service says which one first).
    EXCLUDE USING gist (venue_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status = 'OPEN')
);
CREATE INDEX visit_slot_by_venue ON visit_slot (venue_id, starts_at);

CREATE TABLE visit_booking (
    id                uuid PRIMARY KEY,
    slot_id           uuid         NOT NULL REFERENCES visit_slot (id),
    venue_id          uuid         NOT NULL REFERENCES venue (id),
    size              integer      NOT NULL CHECK (size > 0),
    school            varchar(200) NOT NULL,
    grade             varchar(50),
    leader_name       varchar(100) NOT NULL,
    leader_phone      varchar(20)  NOT NULL,
    status            varchar(16)  NOT NULL,
    reject_reason     varchar(500),
    attended          integer,
    manage_token_hash char(64)     NOT NULL UNIQUE,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    version           bigint       NOT NULL DEFAULT 0
);
CREATE INDEX visit_booking_by_slot ON visit_booking (slot_id);
CREATE INDEX visit_booking_by_venue ON visit_booking (venue_id, created_at);
