-- The alert history: one row per alert id, in the order recorded (position is the paging cursor).
CREATE TABLE IF NOT EXISTS livetrack_alerts
(
    position bigserial PRIMARY KEY,
    id varchar(300) NOT NULL UNIQUE,
    rule_id varchar(200) NOT NULL,
    icao varchar(16) NOT NULL,
    raised_at timestamptz NOT NULL,
    body jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS livetrack_alerts_rule ON livetrack_alerts (rule_id, position);
CREATE INDEX IF NOT EXISTS livetrack_alerts_icao ON livetrack_alerts (icao, position);
