-- Reminders: one row per grain and reminder name; the version is the reminder's etag.
CREATE TABLE IF NOT EXISTS livetrack_reminders
(
    service_id varchar(150) NOT NULL,
    grain_id varchar(150) NOT NULL,
    reminder_name varchar(150) NOT NULL,
    start_time timestamptz(3) NOT NULL,
    period bigint NOT NULL,
    grain_hash integer NOT NULL,
    version integer NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS livetrack_reminders_hash ON livetrack_reminders (service_id, grain_hash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('UpsertReminderRowKey', '
INSERT INTO livetrack_reminders (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
    SET start_time = excluded.start_time, period = excluded.period, grain_hash = excluded.grain_hash,
        version = livetrack_reminders.version + 1
RETURNING version AS Version'),
('ReadReminderRowsKey', '
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period AS Period, version AS Version
FROM livetrack_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId'),
('ReadReminderRowKey', '
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period AS Period, version AS Version
FROM livetrack_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName'),
('ReadRangeRows1Key', '
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period AS Period, version AS Version
FROM livetrack_reminders
WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash'),
('ReadRangeRows2Key', '
SELECT grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period AS Period, version AS Version
FROM livetrack_reminders
WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)'),
('DeleteReminderRowKey', '
WITH removed AS (
    DELETE FROM livetrack_reminders
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version
    RETURNING 1)
SELECT count(*)::integer FROM removed'),
('DeleteReminderRowsKey', '
DELETE FROM livetrack_reminders WHERE service_id = @ServiceId')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
