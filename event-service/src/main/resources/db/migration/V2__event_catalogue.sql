-- The full event catalogue (issue 3): series, vocabularies, format, registration window, lifecycle details, source,
-- denormalized place for fast regional filters, and Chinese-aware search terms.

ALTER TABLE event
    ADD COLUMN series_id              UUID REFERENCES event (id),
    ADD COLUMN themes                 TEXT[]       NOT NULL DEFAULT '{}',
    ADD COLUMN audiences              TEXT[]       NOT NULL DEFAULT '{}',
    ADD COLUMN format                 VARCHAR(10)  NOT NULL DEFAULT 'OFFLINE',
    ADD COLUMN stream_url             VARCHAR(500),
    ADD COLUMN responsible_units      TEXT[]       NOT NULL DEFAULT '{}',
    ADD COLUMN registration_opens_at  TIMESTAMPTZ,
    ADD COLUMN registration_closes_at TIMESTAMPTZ,
    ADD COLUMN city_code              CHAR(6),
    ADD COLUMN economic_region        VARCHAR(10),
    ADD COLUMN cancel_reason          VARCHAR(500),
    ADD COLUMN cancelled_at           TIMESTAMPTZ,
    ADD COLUMN completed_at           TIMESTAMPTZ,
    ADD COLUMN attendance_offline     INT,
    ADD COLUMN attendance_online      INT,
    ADD COLUMN partner_id             VARCHAR(100),
    ADD COLUMN external_id            VARCHAR(200);

-- A partner's external id names one event, so pushed data can be matched on retry.
CREATE UNIQUE INDEX event_by_source ON event (partner_id, external_id) WHERE partner_id IS NOT NULL;
CREATE INDEX event_by_series ON event (series_id) WHERE series_id IS NOT NULL;
CREATE INDEX event_public_by_city ON event (city_code, starts_at) WHERE status <> 'DRAFT';
CREATE INDEX event_public_by_region ON event (economic_region, starts_at) WHERE status <> 'DRAFT';
CREATE INDEX event_public_by_place ON event (latitude, longitude) WHERE status <> 'DRAFT' AND latitude IS NOT NULL;
CREATE INDEX event_by_themes ON event USING GIN (themes);
CREATE INDEX event_by_audiences ON event USING GIN (audiences);

-- Search terms for Chinese and English free text. Chinese has no spaces, so every character and every pair of
-- neighbouring characters is a term (a query of n characters matches when all its pairs do); Latin words and numbers
-- are terms as they are, lower-cased. Kept in SQL so that documents and queries are cut the same way.
CREATE FUNCTION kepu_search_terms(input TEXT) RETURNS TEXT[]
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS
$$
DECLARE
    run   TEXT;
    terms TEXT[] := '{}';
    n     INT;
BEGIN
    FOR run IN SELECT m[1] FROM regexp_matches(lower(coalesce(input, '')), '([\u3400-\u4dbf\u4e00-\u9fff]+|[a-z0-9]+)', 'g') AS m
    LOOP
        IF run ~ '^[a-z0-9]+$' THEN
            terms := terms || run;
        ELSE
            n := char_length(run);
            FOR i IN 1..n LOOP
                terms := terms || substr(run, i, 1);
                IF i < n THEN
                    terms := terms || substr(run, i, 2);
                END IF;
            END LOOP;
        END IF;
    END LOOP;
    RETURN terms;
END
$$;

-- The terms a query must all match: pairs for Chinese runs of two or more characters, the character itself for a
-- single one, and whole Latin words.
CREATE FUNCTION kepu_query_terms(input TEXT) RETURNS TEXT[]
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS
$$
DECLARE
    run   TEXT;
    terms TEXT[] := '{}';
    n     INT;
BEGIN
    FOR run IN SELECT m[1] FROM regexp_matches(lower(coalesce(input, '')), '([\u3400-\u4dbf\u4e00-\u9fff]+|[a-z0-9]+)', 'g') AS m
    LOOP
        n := char_length(run);
        IF run ~ '^[a-z0-9]+$' OR n = 1 THEN
            terms := terms || run;
        ELSE
            FOR i IN 1..n - 1 LOOP
                terms := terms || substr(run, i, 2);
            END LOOP;
        END IF;
    END LOOP;
    RETURN terms;
END
$$;

ALTER TABLE event ADD COLUMN search_terms TEXT[] GENERATED ALWAYS AS (
    kepu_search_terms(title_zh || ' ' || coalesce(title_en, '') || ' ' || coalesce(description_zh, '') || ' '
                      || coalesce(description_en, ''))) STORED;
CREATE INDEX event_by_search_terms ON event USING GIN (search_terms);

-- Rows from V1 get their city from the code itself (GB/T 2260: a county's city is its first four digits + 00); the
-- economic region needs the reference list, so the service fills it in the next time such an event changes.
UPDATE event SET city_code = substr(division_code, 1, 4) || '00' WHERE division_code NOT LIKE '%0000';
