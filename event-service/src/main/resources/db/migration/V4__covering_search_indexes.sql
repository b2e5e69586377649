-- A city + month search has ~2,000 candidates at a million events, each on its own heap page: reading those wide rows
-- cost ~20 ms a query. With the start, end and id in the period indexes, the page of ids and the count come from the
-- index alone (index-only scans; autovacuum keeps the visibility map current) and only the page's rows are read.
-- The end must be included too: PostgreSQL answers an index-only scan only when every column the query names,
-- including those inside the indexed range expression, is in the index.
CREATE INDEX IF NOT EXISTS event_public_city_period_covering ON event
    USING GIST (city_code, tstzrange(starts_at, ends_at, '[]')) INCLUDE (starts_at, ends_at, id) WHERE status <> 'DRAFT';
CREATE INDEX IF NOT EXISTS event_public_region_period_covering ON event
    USING GIST (economic_region, tstzrange(starts_at, ends_at, '[]')) INCLUDE (starts_at, ends_at, id) WHERE status <> 'DRAFT';
CREATE INDEX IF NOT EXISTS event_public_period_covering ON event
    USING GIST (tstzrange(starts_at, ends_at, '[]')) INCLUDE (starts_at, ends_at, id) WHERE status <> 'DRAFT';
DROP INDEX IF EXISTS event_public_city_period;
DROP INDEX IF EXISTS event_public_region_period;
DROP INDEX IF EXISTS event_public_period;
