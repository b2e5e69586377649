-- Housekeeping (org.kepu.common.housekeeping) deletes published outbox rows once they are older than their retention,
-- oldest first, a small batch at a time; this index finds them without reading the rows still kept. Rows not yet
-- published are left out of it: they are never deleted.
-- Not CONCURRENTLY: Flyway runs migrations under a transaction-scoped lock, and a concurrent build waits for every
-- older transaction, that one included, so it would never finish. The build holds writes to the outbox for as long
-- as it reads the table once (seconds for millions of rows), once, at the upgrade that adds housekeeping.
CREATE INDEX outbox_message_published ON outbox_message (published_at) WHERE published_at IS NOT NULL;
