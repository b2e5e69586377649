-- Annual plans and their completion reports (issue 20). A plan's tasks name their responsible units (责任单位) as the
-- plan writes them; each unit reports on each task it is named in, once, revising the same report.
CREATE TABLE plan (
    id            UUID         PRIMARY KEY,
    year          INTEGER      NOT NULL,
    issuing_body  VARCHAR(100) NOT NULL,
    title         VARCHAR(200) NOT NULL,
    due_on        DATE         NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    version       BIGINT       NOT NULL
);
CREATE INDEX plan_by_year ON plan (year);

CREATE TABLE plan_task (
    id             UUID         PRIMARY KEY,
    plan_id        UUID         NOT NULL REFERENCES plan (id),
    number         INTEGER      NOT NULL,
    section_number INTEGER      NOT NULL,
    section_title  VARCHAR(200) NOT NULL,
    title          VARCHAR(300) NOT NULL,
    text           TEXT         NOT NULL,
    units          TEXT[]       NOT NULL,
    lead_unit      VARCHAR(100),
    UNIQUE (plan_id, number)
);
-- A unit's to-do list looks tasks up by unit.
CREATE INDEX plan_task_by_unit ON plan_task USING gin (units);

CREATE TABLE completion_report (
    id            UUID         PRIMARY KEY,
    plan_id       UUID         NOT NULL,
    task_number   INTEGER      NOT NULL,
    unit          VARCHAR(100) NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    narrative     TEXT,
    events_held   INTEGER,
    participants  INTEGER,
    figures       JSONB        NOT NULL DEFAULT '{}',
    event_ids     UUID[]       NOT NULL DEFAULT '{}',
    submitted_at  TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    late          BOOLEAN      NOT NULL,
    version       BIGINT       NOT NULL,
    UNIQUE (plan_id, task_number, unit),
    -- A task that has reports cannot disappear from its plan.
    FOREIGN KEY (plan_id, task_number) REFERENCES plan_task (plan_id, number)
);
