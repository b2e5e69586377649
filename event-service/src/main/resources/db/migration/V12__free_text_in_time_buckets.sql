-- Free text, soonest first, without reading every match. A common word matches tens of thousands of events: the terms
-- index answered it by building a bitmap of every match (30 ms for 56,000) and the count up to the cap then read 1,000
-- rows, and words common in the province but rare in a city were filtered row by row. Here each term is also indexed
-- with the 30-day window its event starts in ("数据@672"), together with the event's city and county, so a search walks
-- the windows from the earliest and stops once the page and the count up to the cap are found: a common word is
-- answered from its first window, a rare one by a look-up per window (bench/README.md, session 16).
-- btree_gin (trusted since PostgreSQL 13) lets the city and county codes sit in the same GIN index as the terms.
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- The 30-day window (since 1970) an instant falls in; UTC, so that it does not depend on the session's time zone.
CREATE OR REPLACE FUNCTION kepu_search_bucket(at timestamptz) RETURNS int
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN floor(extract(epoch FROM (at AT TIME ZONE 'UTC')) / 2592000)::int;

-- Each term tagged with a window: documents' terms with their event's, a query's with the window being looked at.
CREATE OR REPLACE FUNCTION kepu_bucketed_terms(terms text[], bucket int) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ARRAY(SELECT t || '@' || bucket FROM unnest(terms) t);

CREATE INDEX IF NOT EXISTS event_public_text_by_window ON event
    USING GIN (city_code, division_code, kepu_bucketed_terms(search_terms, kepu_search_bucket(starts_at)))
    WHERE status <> 'DRAFT';
-- Upcoming searches (a window starting now: "NOT concluded", V8) walk only the events not yet over.
CREATE INDEX IF NOT EXISTS event_upcoming_text_by_window ON event
    USING GIN (city_code, division_code, kepu_bucketed_terms(search_terms, kepu_search_bucket(starts_at)))
    WHERE status <> 'DRAFT' AND NOT concluded;
-- Where an upcoming walk starts: the earliest start among the events not yet over.
CREATE INDEX IF NOT EXISTS event_upcoming_by_start ON event (starts_at) WHERE status <> 'DRAFT' AND NOT concluded;
