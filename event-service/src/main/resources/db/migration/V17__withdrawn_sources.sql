-- Partner pushes (issue 42): a pushed draft that its partner withdraws is removed, and this row is what is left of it,
-- so that the same withdrawal retried (after a timeout, say) is answered UNCHANGED with the event's id instead of 404
-- "does not exist", and the content it last held, pushed again late, is recognised as already withdrawn. The row
-- goes when the partner creates the source again with other content. One small row per withdrawn draft, kept.
CREATE TABLE withdrawn_source (
    partner_id   varchar(100) NOT NULL,
    external_id  varchar(200) NOT NULL,
    event_id     uuid         NOT NULL UNIQUE,
    push_digest  varchar(64),
    withdrawn_at timestamptz  NOT NULL,
    PRIMARY KEY (partner_id, external_id)
);
