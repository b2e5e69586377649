-- The events overview (issue 19) breaks a year down by format and theme too, and sums reported attendance.
ALTER TABLE event_summary
    ADD COLUMN format             VARCHAR(16),
    ADD COLUMN themes             TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN attendance_offline INTEGER,
    ADD COLUMN attendance_online  INTEGER;
CREATE INDEX event_summary_by_start ON event_summary (starts_at);
