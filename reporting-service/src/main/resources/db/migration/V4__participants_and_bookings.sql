-- Participants and school visits (issue 19): one row per registration from kepu.registrations and per booking from
-- kepu.bookings, each at the newest version its facts showed. Who registered or booked never reaches reporting.
CREATE TABLE registration_summary (
    registration_id  UUID        PRIMARY KEY,
    event_id         UUID        NOT NULL,
    version          BIGINT      NOT NULL,
    size             INTEGER     NOT NULL,
    status           VARCHAR(20) NOT NULL,
    checked_in       BOOLEAN     NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX registration_summary_by_event ON registration_summary (event_id);

CREATE TABLE booking_summary (
    booking_id       UUID        PRIMARY KEY,
    slot_id          UUID        NOT NULL,
    venue_id         UUID        NOT NULL,
    division_code    CHAR(6),
    city_code        CHAR(6),
    economic_region  VARCHAR(10),
    slot_starts_at   TIMESTAMPTZ NOT NULL,
    version          BIGINT      NOT NULL,
    size             INTEGER     NOT NULL,
    status           VARCHAR(20) NOT NULL,
    attended         INTEGER,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX booking_summary_by_start ON booking_summary (slot_starts_at);
