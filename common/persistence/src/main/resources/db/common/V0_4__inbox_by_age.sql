-- Housekeeping (org.kepu.common.housekeeping) deletes the message ids a consumer remembered once they are older than
-- the inbox's retention, oldest first, a small batch at a time; this index finds them. (Not CONCURRENTLY, for the
-- reason V0_3 gives.)
CREATE INDEX processed_message_by_age ON processed_message (processed_at);
