-- "Open at t" read each candidate venue's weekly ranges through a join (a search over a city of 8,000 venues cost
-- ~20 ms of PostgreSQL). The week's openings are now also kept on the venue row as minutes of the week (Monday 00:00 = 0,
-- a range per opening, ISO weekday - 1 times 1440 plus the minute), so a venue is judged from its own row; dated
-- exceptions stay in their table, small and looked up once per search by day.
ALTER TABLE venue ADD COLUMN open_week int4multirange NOT NULL DEFAULT '{}';

-- Kept by the database from venue_weekly_hours, whoever writes them, once per statement.
CREATE FUNCTION venue_open_week_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE venue v SET open_week = coalesce((SELECT range_agg(int4range((w.day_of_week - 1) * 1440 + w.opens,
                                                                         (w.day_of_week - 1) * 1440 + w.closes))
                                             FROM venue_weekly_hours w WHERE w.venue_id = v.id), '{}')
    WHERE v.id IN (SELECT DISTINCT venue_id FROM changed);
    RETURN NULL;
END $$;
CREATE TRIGGER venue_open_week_after_insert AFTER INSERT ON venue_weekly_hours REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION venue_open_week_refresh();
CREATE TRIGGER venue_open_week_after_delete AFTER DELETE ON venue_weekly_hours REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION venue_open_week_refresh();

UPDATE venue v SET open_week = coalesce((SELECT range_agg(int4range((w.day_of_week - 1) * 1440 + w.opens,
                                                                     (w.day_of_week - 1) * 1440 + w.closes))
                                         FROM venue_weekly_hours w WHERE w.venue_id = v.id), '{}')
WHERE EXISTS (SELECT 1 FROM venue_weekly_hours w WHERE w.venue_id = v.id);

CREATE INDEX venue_dated_hours_by_day ON venue_dated_hours (day, venue_id);
