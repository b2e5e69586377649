-- Themed-day coverage (issue 19). The days and their usual rules are reference data in themed-days.csv; dates that are
-- announced each year (科技活动周 moves between May's third and fourth week, and once to August) are recorded here by
-- admins and win over the rule.
CREATE TABLE themed_day_dates (
    key        VARCHAR(60)  NOT NULL,
    year       INTEGER      NOT NULL,
    starts_on  DATE         NOT NULL,
    ends_on    DATE         NOT NULL,
    source     VARCHAR(300),
    updated_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (key, year),
    CHECK (ends_on >= starts_on)
);
INSERT INTO themed_day_dates (key, year, starts_on, ends_on, source) VALUES
    ('science-week', 2021, DATE '2021-05-22', DATE '2021-05-29', '2021年全国科技活动周（5月22日至29日）');

-- Guangzhou 2021: each district's science department leads its district's programme for the week.
INSERT INTO target (metric, year, scope, value, source) VALUES
    ('SCIENCE_WEEK_DISTRICTS', 2021, '440100', 1,
     '2021年广州市科普工作计划：各区科技部门牵头组织策划实施好本区域活动周相关工作');
