-- A place + dates search, soonest first, read every match of its window from the GiST period indexes (1,600 for a
-- month of Shenzhen) to sort them for a page of twenty, then walked the window again to count up to the cap. It now
-- walks in start order and stops (repository.StructuredSearch): the events running when the window starts from the
-- GiST indexes (those overlapping one instant: few), then those starting within it from these B-trees, which hand
-- them out in order. Each carries the columns the filters of a public search name, so the walk reads no heap row to
-- filter. They replace the place + start B-trees of V1 and V2, which had no such columns; a county had none at all.
CREATE INDEX IF NOT EXISTS event_public_city_start ON event (city_code, starts_at)
    INCLUDE (id, type, audiences, themes, format) WHERE status <> 'DRAFT';
CREATE INDEX IF NOT EXISTS event_public_county_start ON event (division_code, starts_at)
    INCLUDE (id, type, audiences, themes, format) WHERE status <> 'DRAFT';
CREATE INDEX IF NOT EXISTS event_public_region_start ON event (economic_region, starts_at)
    INCLUDE (id, type, audiences, themes, format) WHERE status <> 'DRAFT';
CREATE INDEX IF NOT EXISTS event_public_start ON event (starts_at)
    INCLUDE (id, type, audiences, themes, format, division_code) WHERE status <> 'DRAFT';
DROP INDEX IF EXISTS event_public_by_city;
DROP INDEX IF EXISTS event_public_by_region;
DROP INDEX IF EXISTS event_public_by_start;
DROP INDEX IF EXISTS event_by_division;
