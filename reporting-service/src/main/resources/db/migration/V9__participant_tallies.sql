-- The overview's participants from the tallies too (issue 39): until now each overview joined the year's
-- registrations with their events, the one part of it that still grew with the data and kept a fresh overview from
-- costing a few milliseconds. Each event row now carries its registrations' sums, kept by a trigger on
-- registration_summary; the event tally adds them up per bucket like the attendance, so an event that moves between
-- counties, months, types or statuses takes its participants along through the tally trigger of V8.
--
-- A registration may be applied before its event (the two come on different topics). The event's row, when it is
-- first written, takes the sums of the registrations already there; a registration applied later adds its change to
-- the row. So that neither is lost between the two, both consumers first lock the events they write, in id order, with
-- transaction locks (`repository.EventLocks`): whichever commits second then reads what the first wrote. Events
-- written apart do not wait for each other.
ALTER TABLE event_summary
    ADD COLUMN registrations      BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN registered_people  BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN checked_in_people  BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN participants_fresh TIMESTAMPTZ;

ALTER TABLE event_tally
    ADD COLUMN registrations      BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN registered_people  BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN checked_in_people  BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN participants_fresh TIMESTAMPTZ;

-- A statement's registrations change their events' sums by what they count now less what they counted before; one
-- UPDATE a statement (the consumer writes a batch of registrations in one), so one pass of the tally trigger.
CREATE FUNCTION registration_participation_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changes TEXT := CASE TG_OP
        WHEN 'INSERT' THEN 'SELECT w.*, 1 AS sign FROM written w'
        WHEN 'UPDATE' THEN 'SELECT w.*, 1 AS sign FROM written w UNION ALL SELECT r.*, -1 FROM replaced r'
        ELSE 'SELECT r.*, -1 AS sign FROM replaced r' END;
BEGIN
    EXECUTE format($sql$
        UPDATE event_summary e SET
            registrations = e.registrations + d.registrations,
            registered_people = e.registered_people + d.people,
            checked_in_people = e.checked_in_people + d.checked_in,
            participants_fresh = greatest(e.participants_fresh, d.fresh)
        FROM (SELECT c.event_id, sum(c.sign * (c.status = 'CONFIRMED')::INT) AS registrations,
                     sum(c.sign * CASE WHEN c.status = 'CONFIRMED' THEN c.size ELSE 0 END) AS people,
                     sum(c.sign * CASE WHEN c.checked_in AND c.status <> 'CANCELLED' THEN c.size ELSE 0 END)
                         AS checked_in,
                     max(c.updated_at) FILTER (WHERE c.sign > 0) AS fresh
              FROM (%s) c GROUP BY c.event_id) d
        WHERE e.event_id = d.event_id
        $sql$, changes);
    RETURN NULL;
END
$$;

CREATE TRIGGER registration_participation_on_insert AFTER INSERT ON registration_summary
    REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION registration_participation_apply();
CREATE TRIGGER registration_participation_on_update AFTER UPDATE ON registration_summary
    REFERENCING OLD TABLE AS replaced NEW TABLE AS written FOR EACH STATEMENT
    EXECUTE FUNCTION registration_participation_apply();
CREATE TRIGGER registration_participation_on_delete AFTER DELETE ON registration_summary
    REFERENCING OLD TABLE AS replaced FOR EACH STATEMENT EXECUTE FUNCTION registration_participation_apply();

-- What the registrations already applied count for each of the events, as the row trigger above adds them up.
CREATE FUNCTION participation_sums(event_ids UUID[])
    RETURNS TABLE (event_id UUID, registrations BIGINT, people BIGINT, checked_in BIGINT, fresh TIMESTAMPTZ)
    LANGUAGE sql STABLE AS $$
    SELECT r.event_id, count(*) FILTER (WHERE r.status = 'CONFIRMED'),
           coalesce(sum(r.size) FILTER (WHERE r.status = 'CONFIRMED'), 0),
           coalesce(sum(r.size) FILTER (WHERE r.checked_in AND r.status <> 'CANCELLED'), 0), max(r.updated_at)
    FROM registration_summary r WHERE r.event_id = ANY (event_ids) GROUP BY r.event_id
$$;

-- An event written for the first time takes the sums of its registrations already applied, before its row is stored,
-- so that the tally trigger counts them with the event. (On a row that is already there, an upsert's update keeps the
-- row's own sums: these are never among the columns it sets.)
CREATE FUNCTION event_participation_catch_up() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT coalesce(s.registrations, 0), coalesce(s.people, 0), coalesce(s.checked_in, 0), s.fresh
    INTO NEW.registrations, NEW.registered_people, NEW.checked_in_people, NEW.participants_fresh
    FROM (SELECT 1) one LEFT JOIN participation_sums(ARRAY[NEW.event_id]) s ON true;
    RETURN NEW;
END
$$;

CREATE TRIGGER event_participation_catch_up BEFORE INSERT ON event_summary
    FOR EACH ROW EXECUTE FUNCTION event_participation_catch_up();

-- V8's tally function with the participants' sums; a theme bucket is written only when its count changes, so a
-- registration (which changes no event's themes) touches one event bucket and no theme bucket.
CREATE OR REPLACE FUNCTION event_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    -- The statement's changes as signed rows: what it wrote counts +1, what it replaced -1.
    changes TEXT := CASE TG_OP
        WHEN 'INSERT' THEN 'SELECT w.*, 1 AS sign FROM written w'
        WHEN 'UPDATE' THEN 'SELECT w.*, 1 AS sign FROM written w UNION ALL SELECT r.*, -1 FROM replaced r'
        ELSE 'SELECT r.*, -1 AS sign FROM replaced r' END;
BEGIN
    -- Buckets in key order, so that two statements adjusting the same buckets queue rather than deadlock.
    EXECUTE format($sql$
        INSERT INTO event_tally AS t (division_code, city_code, economic_region, month, type, status, format, events,
                                      attendance_offline, attendance_online, fresh, registrations, registered_people,
                                      checked_in_people, participants_fresh)
        SELECT c.division_code, max(c.city_code), max(c.economic_region),
               to_char(c.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, c.type, c.status,
               coalesce(c.format, 'OFFLINE') AS format, sum(c.sign),
               sum(c.sign * coalesce(c.attendance_offline, 0)), sum(c.sign * coalesce(c.attendance_online, 0)),
               max(c.updated_at) FILTER (WHERE c.sign > 0), sum(c.sign * c.registrations),
               sum(c.sign * c.registered_people), sum(c.sign * c.checked_in_people),
               max(c.participants_fresh) FILTER (WHERE c.sign > 0)
        FROM (%s) c
        GROUP BY c.division_code, 4, c.type, c.status, 7
        ORDER BY 1, 4, 5, 6, 7
        ON CONFLICT (division_code, month, type, status, format) DO UPDATE SET
            events = t.events + EXCLUDED.events,
            attendance_offline = t.attendance_offline + EXCLUDED.attendance_offline,
            attendance_online = t.attendance_online + EXCLUDED.attendance_online,
            fresh = greatest(t.fresh, EXCLUDED.fresh),
            registrations = t.registrations + EXCLUDED.registrations,
            registered_people = t.registered_people + EXCLUDED.registered_people,
            checked_in_people = t.checked_in_people + EXCLUDED.checked_in_people,
            participants_fresh = greatest(t.participants_fresh, EXCLUDED.participants_fresh),
            city_code = coalesce(EXCLUDED.city_code, t.city_code),
            economic_region = coalesce(EXCLUDED.economic_region, t.economic_region)
        $sql$, changes);
    EXECUTE format($sql$
        INSERT INTO event_theme_tally AS t (division_code, city_code, economic_region, month, theme, events)
        SELECT c.division_code, max(c.city_code), max(c.economic_region),
               to_char(c.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, theme.name, sum(c.sign)
        FROM (%s) c CROSS JOIN unnest(c.themes) AS theme(name)
        GROUP BY c.division_code, 4, theme.name
        HAVING sum(c.sign) <> 0
        ORDER BY 1, 4, 5
        ON CONFLICT (division_code, month, theme) DO UPDATE SET
            events = t.events + EXCLUDED.events,
            city_code = coalesce(EXCLUDED.city_code, t.city_code),
            economic_region = coalesce(EXCLUDED.economic_region, t.economic_region)
        $sql$, changes);
    RETURN NULL;
END
$$;

-- The registrations already applied: the update trigger carries the sums into the tallies.
UPDATE event_summary e SET registrations = s.registrations, registered_people = s.people,
                           checked_in_people = s.checked_in, participants_fresh = s.fresh
FROM participation_sums(ARRAY(SELECT DISTINCT r.event_id FROM registration_summary r)) s
WHERE e.event_id = s.event_id;
