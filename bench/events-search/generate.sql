-- Fills event-service's bench database with :n realistic public events across Guangdong (psql -v n=1000000).
-- Titles combine the seed plans' event kinds with places and topics; divisions are drawn from the 122 counties and
-- Dongguan/Zhongshan, times spread over three years from :since (psql -v since=2024-12-01, two years before the day
-- the data is made, so that a third of it is still to come) in Asia/Shanghai, points scattered around each city.
-- Each event names two topics (one in the title, one in the description; the English title, on a third of events,
-- names the first) from a vocabulary of 3,000 (vocabulary.csv: 60 prefixes x 50 suffixes, 海洋+探秘 = 海洋探秘,
-- "marine secrets"), drawn with a Zipf spread (rank r with probability ~ 1/r). 60 % of draws use the event's city's own
-- ranking (the global one shifted by the city), so a word can be common in the province and rare in one city.
\set ON_ERROR_STOP on
SELECT setseed(0.16);
CREATE TEMP TABLE vocabulary_parts (kind TEXT, i INT, zh TEXT, en TEXT);
\copy vocabulary_parts FROM 'vocabulary.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE vocabulary AS
SELECT (SELECT array_agg(zh ORDER BY i) FROM vocabulary_parts WHERE kind = 'prefix') AS pre_zh,
       (SELECT array_agg(en ORDER BY i) FROM vocabulary_parts WHERE kind = 'prefix') AS pre_en,
       (SELECT array_agg(zh ORDER BY i) FROM vocabulary_parts WHERE kind = 'suffix') AS suf_zh,
       (SELECT array_agg(en ORDER BY i) FROM vocabulary_parts WHERE kind = 'suffix') AS suf_en;
CREATE TEMP TABLE places (code TEXT, city TEXT, region TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION, name TEXT);
\copy places FROM 'places.csv' WITH (FORMAT csv, HEADER true)
CREATE TEMP TABLE numbered_places AS SELECT row_number() OVER () AS i, * FROM places;

INSERT INTO event (id, title_zh, title_en, description_zh, type, status, starts_at, ends_at, division_code, city_code,
                   economic_region, address, latitude, longitude, organizer_org, capacity, themes, audiences, format,
                   stream_url, created_at, updated_at, published_at, version, concluded)
SELECT gen_random_uuid(),
       p.name || (ARRAY['科技活动周','全国科普日','科普嘉年华','科技开放日','科学之夜','科普讲座','青少年机器人竞赛',
                        '科学素质大赛','健康科普月','防灾减灾主题日','科普大篷车进校园','科普展览','农业技术培训',
                        '人工智能体验营','气象科普'])[1 + (g % 15)] || '·' || v.pre_zh[1 + w.a / 50] || v.suf_zh[1 + w.a % 50]
           || ' 第' || (1 + g % 40) || '期',
       CASE WHEN g % 3 = 0 THEN 'Science outreach: ' || v.pre_en[1 + w.a / 50] || ' ' || v.suf_en[1 + w.a % 50] END,
       (ARRAY['面向青少年的互动科学体验','走进社区的健康知识讲座','结合世界气象日的主题活动','农业科技下乡服务',
              '人工智能与生活','航空航天知识普及','应急避险技能演练','科学实验秀'])[1 + (g % 8)] || '，主题：'
           || v.pre_zh[1 + w.b / 50] || v.suf_zh[1 + w.b % 50] || '，地点：' || p.name,
       (ARRAY['SCIENCE_WEEK','SCIENCE_DAY','CARNIVAL','OPEN_DAY','SCIENCE_NIGHT','LECTURE','COMPETITION',
              'COMPETITION','THEMED_DAY','THEMED_DAY','CARAVAN_VISIT','EXHIBITION','TRAINING','LECTURE','THEMED_DAY'])[1 + (g % 15)],
       (ARRAY['PUBLISHED','PUBLISHED','PUBLISHED','PUBLISHED','COMPLETED','COMPLETED','CANCELLED','DRAFT'])[1 + (g % 8)],
       s.starts_at, s.starts_at + ((1 + g % 8) * INTERVAL '1 hour') + ((g % 20 = 0)::int * INTERVAL '2 days'),
       p.code, p.city, p.region, p.name || '科普活动中心',
       p.lat + ((g::bigint * 7919) % 1000 - 500) / 10000.0, p.lon + ((g::bigint * 104729) % 1000 - 500) / 10000.0,
       'org-' || (g % 500), 100 + g % 900,
       ARRAY[(ARRAY['GENERAL','HEALTH','EMERGENCY','SAFETY','ECOLOGY','AGRICULTURE','METEOROLOGY','AI','SPACE','EDUCATION'])[1 + (g % 10)]],
       ARRAY[(ARRAY['YOUTH','CHILDREN','WOMEN','FARMERS','INDUSTRIAL_WORKERS','ELDERLY','OFFICIALS','PUBLIC'])[1 + (g % 8)]],
       (ARRAY['OFFLINE','OFFLINE','OFFLINE','ONLINE','HYBRID'])[1 + (g % 5)],
       CASE WHEN g % 5 >= 3 THEN 'https://live.example.cn/' || g END,
       now(), now(), now(), 1,
       -- as the service's sweep would mark them (V8), so that it has nothing to do when the bench starts
       s.starts_at + ((1 + g % 8) * INTERVAL '1 hour') + ((g % 20 = 0)::int * INTERVAL '2 days') < now() - INTERVAL '2 days'
FROM generate_series(1, :n) AS g
JOIN numbered_places p ON p.i = 1 + (g::bigint * 7919) % (SELECT count(*) FROM places)
CROSS JOIN LATERAL (SELECT CAST(:'since' || ' 08:00:00+08' AS timestamptz) + ((g::bigint * 2654435761) % (3 * 365 * 24)) * INTERVAL '1 hour' AS starts_at) s
CROSS JOIN vocabulary v
-- Zipf ranks 1..2999 (floor(exp(u ln 3000))), mapped to words by a fixed permutation, shifted by the city in 60 %.
CROSS JOIN LATERAL (SELECT ((floor(exp(random() * ln(3000)))::int * 1237
                             + CASE WHEN random() < 0.6 THEN (p.city::int / 100 % 100) * 131 ELSE 0 END) % 3000) AS a,
                           ((floor(exp(random() * ln(3000)))::int * 1237
                             + CASE WHEN random() < 0.6 THEN (p.city::int / 100 % 100) * 131 ELSE 0 END) % 3000) AS b
                    WHERE g IS NOT NULL) w;

COMMENT ON TABLE event IS :'version';

ANALYZE event;
