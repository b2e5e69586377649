-- The public change feed (issue 24). A change is written in the transaction of the change itself; its insert order
-- (seq) is not commit order, so readers never page by it. The sequencer gives committed changes their feed position
-- afterwards, one run at a time, always above every position given before: a reader that has read up to position P
-- never later meets a change at or below P, whatever order transactions committed in.
CREATE TABLE event_change (
    seq         BIGSERIAL   PRIMARY KEY,
    event_id    UUID        NOT NULL,
    change      VARCHAR(40) NOT NULL,
    version     BIGINT      NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    position    BIGINT      UNIQUE
);
CREATE INDEX event_change_unsequenced ON event_change (seq) WHERE position IS NULL;

-- Positions up to this one have been purged (retention): a cursor below it cannot be followed any more.
CREATE TABLE event_change_horizon (
    id             BOOLEAN PRIMARY KEY DEFAULT true CHECK (id),
    purged_through BIGINT  NOT NULL
);
INSERT INTO event_change_horizon (purged_through) VALUES (0);
