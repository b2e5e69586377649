-- Upcoming near me with a type or an audience (a third of the public's near-me searches each): the V8 point index hands
-- out the nearest upcoming events of every type, so with a year of upcoming events a search for one type walked
-- ~1,200 of them (an audience ~2,100) to count its first 101, 1.3–1.9 ms of PostgreSQL against 0.3 ms unfiltered
-- (bench/README.md, session 21). One partial copy of that index per type and per audience holds only the events the
-- filter keeps, so the walk meets no others. The search names the value as a literal (a closed vocabulary, see
-- SearchFilters) so that the planner can prove the index's predicate. Each upcoming event is in one type index and in
-- one per audience; concluded events leave them as they leave V8's. A new type or audience needs its index here too:
-- NearMeOrderTest.everyTypeAndEveryAudienceHasItsUpcomingNearIndex checks that every value has one.
DO $$
DECLARE
    value TEXT;
BEGIN
    FOREACH value IN ARRAY ARRAY['SCIENCE_WEEK', 'SCIENCE_DAY', 'CARNIVAL', 'OPEN_DAY', 'SCIENCE_NIGHT', 'LECTURE',
            'COMPETITION', 'THEMED_DAY', 'EXHIBITION', 'TRAINING', 'RURAL_OUTREACH', 'CARAVAN_VISIT', 'TOUR',
            'VOLUNTEER_SERVICE', 'OTHER'] LOOP
        EXECUTE format('CREATE INDEX %I ON event USING GIST (point(longitude * 0.9177, latitude))'
                || ' INCLUDE (latitude, longitude, starts_at, ends_at, id, type, audiences, themes)'
                || ' WHERE status <> ''DRAFT'' AND NOT concluded AND latitude IS NOT NULL AND longitude IS NOT NULL'
                || ' AND type = %L', 'event_upcoming_near_type_' || lower(value), value);
    END LOOP;
    FOREACH value IN ARRAY ARRAY['YOUTH', 'CHILDREN', 'WOMEN', 'FARMERS', 'INDUSTRIAL_WORKERS', 'ELDERLY', 'OFFICIALS',
            'PUBLIC'] LOOP
        EXECUTE format('CREATE INDEX %I ON event USING GIST (point(longitude * 0.9177, latitude))'
                || ' INCLUDE (latitude, longitude, starts_at, ends_at, id, type, audiences, themes)'
                || ' WHERE status <> ''DRAFT'' AND NOT concluded AND latitude IS NOT NULL AND longitude IS NOT NULL'
                || ' AND audiences @> ARRAY[%L]', 'event_upcoming_near_audience_' || lower(value), value);
    END LOOP;
END
$$;
