-- Grain state: one row per grain (type and id) and service; the version is the state's etag. The unique index makes
-- a first write race-free: of two activations writing a new state at once, one inserts and the other is refused.
CREATE TABLE IF NOT EXISTS livetrack_grain_state
(
    grain_id_hash integer NOT NULL,
    grain_id_n0 bigint NOT NULL,
    grain_id_n1 bigint NOT NULL,
    grain_type_hash integer NOT NULL,
    grain_type varchar(512) NOT NULL,
    grain_id_extension varchar(512) NULL,
    service_id varchar(150) NOT NULL,
    payload bytea NULL,
    modified_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL
);

CREATE UNIQUE INDEX IF NOT EXISTS livetrack_grain_state_key ON livetrack_grain_state
    (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, grain_type, grain_id_extension, service_id) NULLS NOT DISTINCT;

-- Returns the new version, or the version passed in (null for a first write) when the write lost a race.
CREATE OR REPLACE FUNCTION livetrack_grain_state_write(
    p_hash integer, p_n0 bigint, p_n1 bigint, p_type_hash integer, p_type varchar, p_extension varchar,
    p_service varchar, p_version integer, p_payload bytea)
RETURNS integer LANGUAGE plpgsql AS $body$
BEGIN
    IF p_version IS NULL THEN
        INSERT INTO livetrack_grain_state (grain_id_hash, grain_id_n0, grain_id_n1, grain_type_hash, grain_type, grain_id_extension, service_id, payload, version)
        VALUES (p_hash, p_n0, p_n1, p_type_hash, p_type, p_extension, p_service, p_payload, 1)
        ON CONFLICT DO NOTHING;
        RETURN CASE WHEN FOUND THEN 1 END;
    END IF;
    UPDATE livetrack_grain_state SET payload = p_payload, modified_at = now(), version = version + 1
    WHERE grain_id_hash = p_hash AND grain_type_hash = p_type_hash AND grain_id_n0 = p_n0 AND grain_id_n1 = p_n1
        AND grain_type = p_type AND grain_id_extension IS NOT DISTINCT FROM p_extension AND service_id = p_service
        AND version = p_version;
    RETURN CASE WHEN FOUND THEN p_version + 1 ELSE p_version END;
END
$body$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('WriteToStorageKey', '
SELECT livetrack_grain_state_write(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
    @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary) AS NewGrainStateVersion'),
('ReadFromStorageKey', '
SELECT payload AS PayloadBinary, now() AS ReadAt, version AS Version
FROM livetrack_grain_state
WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash AND grain_id_n0 = @GrainIdN0
    AND grain_id_n1 = @GrainIdN1 AND grain_type = @GrainTypeString
    AND grain_id_extension IS NOT DISTINCT FROM CAST(@GrainIdExtensionString AS varchar) AND service_id = @ServiceId'),
('ClearStorageKey', '
UPDATE livetrack_grain_state SET payload = NULL, modified_at = now(), version = version + 1
WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash AND grain_id_n0 = @GrainIdN0
    AND grain_id_n1 = @GrainIdN1 AND grain_type = @GrainTypeString
    AND grain_id_extension IS NOT DISTINCT FROM CAST(@GrainIdExtensionString AS varchar) AND service_id = @ServiceId
    AND version = @GrainStateVersion
RETURNING version AS NewGrainStateVersion'),
('DeleteStorageKey', '
DELETE FROM livetrack_grain_state
WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash AND grain_id_n0 = @GrainIdN0
    AND grain_id_n1 = @GrainIdN1 AND grain_type = @GrainTypeString
    AND grain_id_extension IS NOT DISTINCT FROM CAST(@GrainIdExtensionString AS varchar) AND service_id = @ServiceId
    AND version = @GrainStateVersion
RETURNING version + 1 AS NewGrainStateVersion')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
