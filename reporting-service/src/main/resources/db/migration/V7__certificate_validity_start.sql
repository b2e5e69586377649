-- A certificate's validity has a first day as well as a last (issue 42): one certified now from 2030 is not a base
-- in force today. Rows applied before this column stay open at the start (counted as before) until a rebuild
-- replays their facts, which have always carried validFrom.
ALTER TABLE venue_summary
    ADD COLUMN cert_valid_from DATE;
