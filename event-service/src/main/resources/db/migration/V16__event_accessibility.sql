-- What an event offers people with disabilities (无障碍), by AccessFeature name. A constant default adds the column
-- without rewriting the table.
ALTER TABLE event ADD COLUMN accessibility text[] NOT NULL DEFAULT '{}';
