-- The relay bench's backlog: :facts pending kepu.event.published facts in outbox_message, over :keys aggregates (the
-- Kafka key; fact n is about aggregate n mod :keys, so each key's facts are spread through the backlog and its
-- version counts up in seq order). Each CloudEvent copies the shape of one event-service wrote through its API (a
-- 世界气象日 event in the dev database, 847 bytes), with the traceparent every fact written in a request now carries
-- (placed before the data, as Outbox writes it), so rows are ~950 bytes as in production. Values vary with n only:
-- the same backlog every run.
TRUNCATE outbox_message;
INSERT INTO outbox_message (id, topic, message_key, type, cloud_event, created_at)
SELECT f.id, :'topic', f.subject, 'kepu.event.published',
       format('{"specversion":"1.0","id":"%s","source":"/kepu/event-service","type":"kepu.event.published",'
              '"subject":"%s","time":"%s","datacontenttype":"application/json","traceparent":"00-%s-%s-01",'
              '"data":{"id":"%s","version":%s,"status":"PUBLISHED","titleZh":"世界气象日主题科普活动 第%s场",'
              '"titleEn":null,"type":"THEMED_DAY","seriesId":null,"themes":[],"audiences":[],"accessibility":[],'
              '"format":"OFFLINE","startsAt":"%s","endsAt":"%s","divisionCode":"%s","cityCode":"%s",'
              '"economicRegion":"PRD","venueId":null,"organizerOrg":"gd-qx","responsibleUnits":[],"capacity":300,'
              '"publishedAt":"%s","cancelReason":null,"attendanceOffline":null,"attendanceOnline":null,'
              '"partnerId":null,"externalId":null}}',
              f.id, f.subject, f.now, md5(f.g || 'trace'), left(md5(f.g || 'span'), 16), f.subject, f.g / :keys, f.g,
              to_char(f.starts, 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), to_char(f.starts + interval '8 hours', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
              f.division, left(f.division, 4) || '00', f.now),
       now()
FROM (SELECT g, gen_random_uuid() AS id, CAST(md5('relay-bench-' || g % :keys) AS uuid)::text AS subject,
             to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS now,
             timestamp '2027-01-01 01:00' + (g % 365) * interval '1 day' AS starts,
             (ARRAY['440104', '440305', '440604', '441302', '440404', '445102', '440981'])[1 + g % 7] AS division
      FROM generate_series(0, :facts - 1) AS g) AS f;
-- As autovacuum would soon after such an insert: the relay's plan is generic either way (plan_cache_mode).
ANALYZE outbox_message;
