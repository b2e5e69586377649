-- Partner pushes (issue 24): the digest of the item a partner last pushed for an event, so that the same item pushed
-- again is recognised as unchanged (no new version, no new fact) without comparing every field.
ALTER TABLE event ADD COLUMN push_digest VARCHAR(64);
