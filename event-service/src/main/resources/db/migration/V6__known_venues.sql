-- The venues event-service knows, mirrored from venue-service's facts on kepu.venues (never read from its tables):
-- enough to check an event's venueId and to take its place from the venue.
CREATE TABLE known_venue (
    id            uuid PRIMARY KEY,
    version       bigint      NOT NULL,
    status        text,
    division_code text        NOT NULL,
    latitude      double precision,
    longitude     double precision,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
