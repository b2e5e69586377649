-- Date-range searches ask for events that overlap a window: starts_at <= to AND ends_at >= from. A B-tree on
-- starts_at can only bound one side, so a city's whole history before the window was read (seconds at 1M events).
-- A GiST index on the event's time range answers the overlap directly; btree_gist lets it lead with the place.
-- btree_gist is a trusted extension (PostgreSQL 13+), so the database owner may create it.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE INDEX IF NOT EXISTS event_public_city_period ON event USING GIST (city_code, tstzrange(starts_at, ends_at, '[]'))
    WHERE status <> 'DRAFT';
CREATE INDEX IF NOT EXISTS event_public_region_period ON event USING GIST (economic_region, tstzrange(starts_at, ends_at, '[]'))
    WHERE status <> 'DRAFT';
CREATE INDEX IF NOT EXISTS event_public_period ON event USING GIST (tstzrange(starts_at, ends_at, '[]')) WHERE status <> 'DRAFT';
