-- Most public searches ask only for what is still to come ("from" = now), yet at a million events only ~3 % have not
-- ended: the point index handed out the nearest events of any date, and a random "upcoming near me" walked dozens of
-- past events for each upcoming one (16 searches/s, 105 ms of PostgreSQL each). `concluded` marks events that ended
-- more than two days ago (repository.ConcludedEvents sweeps them every few minutes), and the indexes below hold only the
-- others, so a search that starts after the margin reads a small index. A query may only use the flag when its window
-- starts after the margin: a row not yet swept still meets the exact time condition, so the flag is a hint, never the
-- rule.
-- The column is added as true (a metadata default: no rewrite of a million rows), then only the events not yet
-- concluded are updated, and new events default to false.
ALTER TABLE event ADD COLUMN concluded boolean NOT NULL DEFAULT true;
ALTER TABLE event ALTER COLUMN concluded SET DEFAULT false;
UPDATE event SET concluded = false WHERE ends_at >= now() - interval '2 days';

-- An event moved later (rescheduled, or a partner's correction) is no longer concluded, whoever writes it.
CREATE FUNCTION event_reopen_if_moved_later() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.ends_at > OLD.ends_at THEN
        NEW.concluded := false;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER event_reopen_if_moved_later BEFORE UPDATE OF ends_at ON event
    FOR EACH ROW EXECUTE FUNCTION event_reopen_if_moved_later();

-- The sweep finds what to mark without reading concluded rows.
CREATE INDEX event_not_concluded_by_end ON event (ends_at) WHERE NOT concluded;

-- Upcoming near me: the V5 point index over the events not concluded, carrying what the near-me filters name (time,
-- type, audiences, themes), so the count and the ring of the nearest come from the index alone.
CREATE INDEX event_upcoming_near ON event USING GIST (point(longitude * 0.9177, latitude))
    INCLUDE (latitude, longitude, starts_at, ends_at, id, type, audiences, themes)
    WHERE status <> 'DRAFT' AND NOT concluded AND latitude IS NOT NULL AND longitude IS NOT NULL;
