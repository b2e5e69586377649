-- Registrations (报名): an event may take them, with a per-registration size cap and a wait list. The seat counts live
-- on the event row, so that one row lock (SELECT … FOR UPDATE, taken by every registration change of the event and by
-- capacity changes) orders all seat decisions of one event; they are written apart from the event's version, so a
-- registration rush never makes an organizer's If-Match stale.
ALTER TABLE event
    ADD COLUMN takes_registrations   boolean NOT NULL DEFAULT false,
    ADD COLUMN registration_size_cap integer,
    ADD COLUMN keeps_wait_list       boolean NOT NULL DEFAULT false,
    ADD COLUMN confirmed_seats       integer NOT NULL DEFAULT 0,
    ADD COLUMN wait_listed_seats     integer NOT NULL DEFAULT 0,
    ADD COLUMN wait_list_length      integer NOT NULL DEFAULT 0,
    ADD COLUMN checked_in_people     integer NOT NULL DEFAULT 0;

-- Arrival order across the whole service: the wait list promotes by it.
CREATE SEQUENCE registration_arrival;

CREATE TABLE registration (
    id                uuid PRIMARY KEY,
    event_id          uuid        NOT NULL REFERENCES event (id),
    arrival           bigint      NOT NULL DEFAULT nextval('registration_arrival'),
    kind              text        NOT NULL,
    size              integer     NOT NULL CHECK (size > 0),
    status            text        NOT NULL,
    contact_name      text        NOT NULL,
    contact_phone     text        NOT NULL,
    contact_email     text,
    organization      text,
    check_in_code     text        NOT NULL,
    checked_in_at     timestamptz,
    manage_token_hash text        NOT NULL,
    cancel_reason     text,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    version           bigint      NOT NULL DEFAULT 0
);
-- One live registration per phone number and event; cancelled ones do not count.
CREATE UNIQUE INDEX registration_live_phone ON registration (event_id, contact_phone)
    WHERE status IN ('CONFIRMED', 'WAIT_LISTED');
CREATE UNIQUE INDEX registration_check_in_code ON registration (event_id, check_in_code);
CREATE UNIQUE INDEX registration_manage_token ON registration (manage_token_hash);
CREATE INDEX registration_by_event ON registration (event_id, arrival);
CREATE INDEX registration_wait_list ON registration (event_id, arrival) WHERE status = 'WAIT_LISTED';
