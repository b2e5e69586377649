-- The events overview sums tallies instead of reading every event of a year (issue 39): a fact then shows in the
-- overview within its own apply delay, and an overview costs the same with a million events a year as with a
-- thousand. A tally counts the events of one county, month (Asia/Shanghai), type, status and format, with their
-- reported attendance; a theme tally the events of one county and month that carry a theme. Statement triggers on
-- event_summary keep both, in the statement that writes the events' rows, from the rows it replaced (−1) and wrote
-- (+1). A bucket that empties stays, at 0. Unqualified names: a rebuild writes its fresh copies through its search
-- path, and ReadModelSchemas copies these triggers onto them.
CREATE TABLE event_tally (
    division_code      CHAR(6)     NOT NULL,
    city_code          CHAR(6),
    economic_region    VARCHAR(10),
    month              CHAR(7)     NOT NULL,
    type               VARCHAR(40) NOT NULL,
    status             VARCHAR(20) NOT NULL,
    format             VARCHAR(16) NOT NULL,
    events             BIGINT      NOT NULL,
    attendance_offline BIGINT      NOT NULL,
    attendance_online  BIGINT      NOT NULL,
    fresh              TIMESTAMPTZ,
    PRIMARY KEY (division_code, month, type, status, format)
);

CREATE TABLE event_theme_tally (
    division_code   CHAR(6)  NOT NULL,
    city_code       CHAR(6),
    economic_region VARCHAR(10),
    month           CHAR(7)  NOT NULL,
    theme           TEXT     NOT NULL,
    events          BIGINT   NOT NULL,
    PRIMARY KEY (division_code, month, theme)
);

CREATE FUNCTION event_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$
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
                                      attendance_offline, attendance_online, fresh)
        SELECT c.division_code, max(c.city_code), max(c.economic_region),
               to_char(c.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, c.type, c.status,
               coalesce(c.format, 'OFFLINE') AS format, sum(c.sign),
               sum(c.sign * coalesce(c.attendance_offline, 0)), sum(c.sign * coalesce(c.attendance_online, 0)),
               max(c.updated_at) FILTER (WHERE c.sign > 0)
        FROM (%s) c
        GROUP BY c.division_code, 4, c.type, c.status, 7
        ORDER BY 1, 4, 5, 6, 7
        ON CONFLICT (division_code, month, type, status, format) DO UPDATE SET
            events = t.events + EXCLUDED.events,
            attendance_offline = t.attendance_offline + EXCLUDED.attendance_offline,
            attendance_online = t.attendance_online + EXCLUDED.attendance_online,
            fresh = greatest(t.fresh, EXCLUDED.fresh),
            city_code = coalesce(EXCLUDED.city_code, t.city_code),
            economic_region = coalesce(EXCLUDED.economic_region, t.economic_region)
        $sql$, changes);
    EXECUTE format($sql$
        INSERT INTO event_theme_tally AS t (division_code, city_code, economic_region, month, theme, events)
        SELECT c.division_code, max(c.city_code), max(c.economic_region),
               to_char(c.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, theme.name, sum(c.sign)
        FROM (%s) c CROSS JOIN unnest(c.themes) AS theme(name)
        GROUP BY c.division_code, 4, theme.name
        ORDER BY 1, 4, 5
        ON CONFLICT (division_code, month, theme) DO UPDATE SET
            events = t.events + EXCLUDED.events,
            city_code = coalesce(EXCLUDED.city_code, t.city_code),
            economic_region = coalesce(EXCLUDED.economic_region, t.economic_region)
        $sql$, changes);
    RETURN NULL;
END
$$;

CREATE TRIGGER event_tally_on_insert AFTER INSERT ON event_summary
    REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION event_tally_apply();
CREATE TRIGGER event_tally_on_update AFTER UPDATE ON event_summary
    REFERENCING OLD TABLE AS replaced NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION event_tally_apply();
CREATE TRIGGER event_tally_on_delete AFTER DELETE ON event_summary
    REFERENCING OLD TABLE AS replaced FOR EACH STATEMENT EXECUTE FUNCTION event_tally_apply();

-- The events already applied.
INSERT INTO event_tally (division_code, city_code, economic_region, month, type, status, format, events,
                         attendance_offline, attendance_online, fresh)
SELECT division_code, max(city_code), max(economic_region), to_char(starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'),
       type, status, coalesce(format, 'OFFLINE'), count(*), sum(coalesce(attendance_offline, 0)),
       sum(coalesce(attendance_online, 0)), max(updated_at)
FROM event_summary GROUP BY division_code, 4, type, status, 7;
INSERT INTO event_theme_tally (division_code, city_code, economic_region, month, theme, events)
SELECT e.division_code, max(e.city_code), max(e.economic_region),
       to_char(e.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), theme.name, count(*)
FROM event_summary e CROSS JOIN unnest(e.themes) AS theme(name) GROUP BY e.division_code, 4, theme.name;
