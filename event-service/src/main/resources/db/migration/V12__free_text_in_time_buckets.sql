-- Free text, soonest first, without reading every match. A common word matches tens of thousands of events: the terms
-- index answered it by building a bitmap of every match (30 ms for 56,000) and the count up to the cap then read 1,000
-- rows, and words common in the province but rare in a city were filtered row by row. Here each term is also indexed
-- with the 90-day window its event starts in ("数据@224"), and the event's city and county are terms too ("@440100@224"),
-- so a search walks the windows from the earliest and stops once it has the page and the count up to the cap: a common
-- word is answered from its first window, a rare one by a look-up per window (bench/README.md, session 16). 90 days,
-- not 30: a word rare in a city costs a look-up per window (35 windows over three years at 30 days: 5.9 ms, at 90:
-- 2.9 ms), while a common word's first window still holds its page and count. The place is a term, not a column of the
-- index (btree_gin), so that searches without free text never plan around this index.

-- The 90-day window (since 1970) an instant falls in; UTC, so that it does not depend on the session's time zone.
CREATE OR REPLACE FUNCTION kepu_search_bucket(at timestamptz) RETURNS int
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN floor(extract(epoch FROM (at AT TIME ZONE 'UTC')) / 7776000)::int;

-- Each term tagged with a window: a document's with its event's, a query's with the window being looked at. Terms
-- never hold a comma (kepu_search_terms keeps letters, digits and CJK characters), so joining and splitting on one is
-- exact; an expression of built-ins, it is inlined and costs a third of unnest/array_agg per row written.
CREATE OR REPLACE FUNCTION kepu_bucketed_terms(terms text[], bucket int) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN string_to_array(array_to_string(terms, '@' || bucket || ',') || '@' || bucket, ',');

-- What the windowed index holds for an event: its terms and its city and county ("@440106"), tagged with its window.
CREATE OR REPLACE FUNCTION kepu_windowed_terms(terms text[], city text, division text, starts timestamptz) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN kepu_bucketed_terms(terms || ARRAY['@' || city, '@' || division], kepu_search_bucket(starts));

CREATE INDEX IF NOT EXISTS event_public_text_by_window ON event
    USING GIN (kepu_windowed_terms(search_terms, city_code, division_code, starts_at)) WHERE status <> 'DRAFT';
-- Upcoming searches (a window starting now: "NOT concluded", V8) walk only the events not yet over.
CREATE INDEX IF NOT EXISTS event_upcoming_text_by_window ON event
    USING GIN (kepu_windowed_terms(search_terms, city_code, division_code, starts_at))
    WHERE status <> 'DRAFT' AND NOT concluded;
