-- Fills venue-service's bench database with :n venues across Guangdong (psql -v n=100000, run from the folder
-- holding places.csv): every kind, points around the county seats, accessibility and themes spread, and weekly hours
-- for most (closed Mondays, a lunch break for a third, evenings for some) with a few dated exceptions, so that
-- "open at t" has real work to do.
\set ON_ERROR_STOP on
CREATE TEMP TABLE places (code TEXT, city TEXT, region TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION, name TEXT);
\copy places FROM 'places.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE numbered_places AS SELECT row_number() OVER () AS i, * FROM places;

CREATE TEMP TABLE new_venue AS
SELECT gen_random_uuid() AS id, g,
       p.name || (ARRAY['科技馆','图书馆','科普教育基地','博物馆','公园','科普中国e站','新时代文明实践中心','文化馆',
                        '校园科技馆','动物园','自然保护区','党群服务中心'])[1 + (g % 12)] || ' ' || g AS name_zh,
       (ARRAY['SCIENCE_MUSEUM','LIBRARY','EDUCATION_BASE','MUSEUM','PARK','E_STATION','PRACTICE_CENTRE',
              'CULTURAL_CENTRE','SCHOOL_SCIENCE_MUSEUM','ZOO_OR_BOTANICAL_GARDEN','NATURE_RESERVE','COMMUNITY_CENTRE'])[1 + (g % 12)] AS kind,
       p.code, p.city, p.region, p.name,
       p.lat + ((g::bigint * 7919) % 1000 - 500) / 4000.0 AS lat, p.lon + ((g::bigint * 104729) % 1000 - 500) / 4000.0 AS lon
FROM generate_series(1, :n) AS g
JOIN numbered_places p ON p.i = 1 + (g::bigint * 7919) % (SELECT count(*) FROM places);

INSERT INTO venue (id, name_zh, kind, division_code, city_code, economic_region, address, latitude, longitude,
                   themes, audiences, capacity, facilities, accessibility, status, created_at, updated_at, version,
                   cert_status, cert_level, cert_valid_from, cert_valid_until)
SELECT id, name_zh, kind, code, city, region, name || '人民路' || (g % 300) || '号', lat, lon,
       ARRAY[(ARRAY['GENERAL','HEALTH','EMERGENCY','SAFETY','ECOLOGY','AGRICULTURE','METEOROLOGY','AI','SPACE','EDUCATION'])[1 + (g % 10)]],
       ARRAY[(ARRAY['YOUTH','CHILDREN','WOMEN','FARMERS','INDUSTRIAL_WORKERS','ELDERLY','OFFICIALS','PUBLIC'])[1 + (g % 8)]],
       50 + g % 5000,
       CASE WHEN g % 4 = 0 THEN ARRAY['EXHIBITION_HALL','LECTURE_HALL'] ELSE ARRAY['EXHIBITION_HALL'] END,
       CASE WHEN g % 3 = 0 THEN ARRAY['WHEELCHAIR_ACCESS','PARKING'] WHEN g % 3 = 1 THEN ARRAY['GUIDED_TOURS'] ELSE '{}' END,
       (ARRAY['ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','TEMPORARILY_CLOSED','CLOSED'])[1 + (g % 10)],
       now(), now(), 1,
       CASE WHEN kind = 'EDUCATION_BASE' THEN 'CERTIFIED' END,
       CASE WHEN kind = 'EDUCATION_BASE' THEN (ARRAY['NATIONAL','PROVINCIAL','MUNICIPAL','DISTRICT'])[1 + (g % 4)] END,
       CASE WHEN kind = 'EDUCATION_BASE' THEN DATE '2023-01-01' END,
       CASE WHEN kind = 'EDUCATION_BASE' THEN DATE '2023-01-01' + (g % 2000) END
FROM new_venue;

-- Weekly hours for 9 in 10: Tuesday to Sunday; a third with a lunch break, a tenth open in the evening too.
INSERT INTO venue_weekly_hours (venue_id, day_of_week, opens, closes)
SELECT v.id, d, r.opens, r.closes
FROM new_venue v
CROSS JOIN generate_series(2, 7) AS d
CROSS JOIN LATERAL (VALUES (570, CASE WHEN v.g % 3 = 0 THEN 720 ELSE 1050 END),
                           (CASE WHEN v.g % 3 = 0 THEN 780 END, CASE WHEN v.g % 3 = 0 THEN 1050 END),
                           (CASE WHEN v.g % 10 = 0 THEN 1110 END, CASE WHEN v.g % 10 = 0 THEN 1290 END)) AS r(opens, closes)
WHERE v.g % 10 <> 9 AND r.opens IS NOT NULL;

-- Closed for the first days of 春节 2027, and a special Monday opening for 全国科普日, for a fifth of them.
INSERT INTO venue_dated_hours (venue_id, day, opens, closes, note)
SELECT v.id, DATE '2027-02-06' + k, NULL, NULL, '春节闭馆' FROM new_venue v CROSS JOIN generate_series(0, 2) AS k WHERE v.g % 5 = 0;
INSERT INTO venue_dated_hours (venue_id, day, opens, closes, note)
SELECT v.id, DATE '2026-09-21', 540, 1260, '全国科普日特别开放' FROM new_venue v WHERE v.g % 5 = 0;

ANALYZE venue;
ANALYZE venue_weekly_hours;
ANALYZE venue_dated_hours;
