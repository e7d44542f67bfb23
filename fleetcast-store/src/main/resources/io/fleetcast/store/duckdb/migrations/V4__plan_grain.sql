-- Fleetcast schema version 4: plans at several grains (hour, day, week, month); earlier plans are daily.
ALTER TABLE plans ADD COLUMN grain VARCHAR NOT NULL DEFAULT 'day';
