-- Targets and the read models the plans' KPIs need (issue 19): venue status and base certification on the venue
-- summary, touring stops from kepu.tours, and the targets themselves.
ALTER TABLE venue_summary
    ADD COLUMN status           VARCHAR(24),
    ADD COLUMN cert_status      VARCHAR(24),
    ADD COLUMN cert_level       VARCHAR(24),
    ADD COLUMN cert_valid_until DATE;

CREATE TABLE tour_stop_summary (
    stop_id          UUID PRIMARY KEY,
    tour_id          UUID        NOT NULL,
    unit_id          UUID        NOT NULL,
    division_code    CHAR(6)     NOT NULL,
    city_code        CHAR(6),
    economic_region  VARCHAR(10),
    starts_on        DATE        NOT NULL,
    ends_on          DATE        NOT NULL,
    setting          VARCHAR(16) NOT NULL,
    visitors         INTEGER,
    removed          BOOLEAN     NOT NULL DEFAULT false,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX tour_stop_summary_by_region ON tour_stop_summary (economic_region, starts_on);

-- A target: a metric, a year, a scope (PROVINCE, a city code, a region or regions joined by '+', or EACH_CITY) and
-- the value to reach.
CREATE TABLE target (
    metric     VARCHAR(60)   NOT NULL,
    year       INTEGER       NOT NULL,
    scope      VARCHAR(40)   NOT NULL,
    value      NUMERIC(14,2) NOT NULL,
    source     VARCHAR(300),
    updated_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (metric, year, scope)
);
-- What the 2024 Guangdong work points state.
INSERT INTO target (metric, year, scope, value, source) VALUES
    ('PROVINCIAL_OR_HIGHER_BASES', 2024, 'PROVINCE', 1000, '2024年广东省科普工作要点：省级以上科普教育基地1000个以上'),
    ('TOURING_STOPS', 2024, 'EAST+WEST+NORTH', 15, '2024年广东省科普工作要点：中国流动科技馆在粤东粤西粤北巡展15站以上'),
    ('CITIES_WITH_SCIENCE_MUSEUM', 2024, 'EACH_CITY', 1, '2024年广东省科普工作要点：地级以上市各有1座以上综合性科技馆');
