-- Free text, soonest first: a word common enough that one 90-day window (V12) holds its page read every match of that
-- window to sort out twenty — a GIN index hands matches out unordered — 10,728 rows for 航天 across the province. Each
-- key is now also indexed with the 10-day slice its event starts in ("航天#2016", "@440100#2016"), nine slices to a
-- window, so the page walks the slices of its window and reads the matches of the first one or two (repository.
-- TextSearch). The count still walks whole windows: a rare word's cost is one look-up per window, not per slice.
-- Twice the keys per event: inserts pay for them (bench/README.md, session 20, has both sides).

-- The 10-day slice (since 1970) an instant falls in; UTC. 90 days are nine slices, so a window's slices are exactly
-- 9 * window to 9 * window + 8.
CREATE OR REPLACE FUNCTION kepu_search_slice(at timestamptz) RETURNS int
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN floor(extract(epoch FROM (at AT TIME ZONE 'UTC')) / 864000)::int;

-- Each term tagged with a slice: "航天#2016" ('#', where a window's tag is '@').
CREATE OR REPLACE FUNCTION kepu_sliced_terms(terms text[], slice int) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN string_to_array(array_to_string(terms, '#' || slice || ',') || '#' || slice, ',');

-- What the search indexes hold for an event: its terms, city and county tagged with its window and with its slice.
CREATE OR REPLACE FUNCTION kepu_search_keys(terms text[], city text, division text, starts timestamptz) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN kepu_bucketed_terms(terms || ARRAY['@' || city, '@' || division], kepu_search_bucket(starts))
        || kepu_sliced_terms(terms || ARRAY['@' || city, '@' || division], kepu_search_slice(starts));

CREATE INDEX IF NOT EXISTS event_public_search_keys ON event
    USING GIN (kepu_search_keys(search_terms, city_code, division_code, starts_at)) WHERE status <> 'DRAFT';
CREATE INDEX IF NOT EXISTS event_upcoming_search_keys ON event
    USING GIN (kepu_search_keys(search_terms, city_code, division_code, starts_at))
    WHERE status <> 'DRAFT' AND NOT concluded;
DROP INDEX IF EXISTS event_public_text_by_window;
DROP INDEX IF EXISTS event_upcoming_text_by_window;
DROP FUNCTION IF EXISTS kepu_windowed_terms(text[], text, text, timestamptz);
