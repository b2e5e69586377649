-- Search terms for Chinese and English free text, for every service that searches text (events since their V2, venues).
-- Chinese has no spaces, so every character and every pair of neighbouring characters is a term (a query of n
-- characters matches when all its pairs do); Latin words and numbers are terms as they are, lower-cased. Kept in SQL so
-- that documents and queries are cut the same way. CREATE OR REPLACE: event-service's V2 created the same functions
-- first, which is why this is version 2.1: it runs after that V2 and before any later migration of any service, so a
-- service's migrations from V3 on may use these functions.
CREATE OR REPLACE FUNCTION kepu_search_terms(input TEXT) RETURNS TEXT[]
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
CREATE OR REPLACE FUNCTION kepu_query_terms(input TEXT) RETURNS TEXT[]
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
