-- Cluster membership: one version row per cluster (the membership table's etag) and one row per silo incarnation.
CREATE TABLE IF NOT EXISTS livetrack_membership_version
(
    cluster_id varchar(150) NOT NULL PRIMARY KEY,
    changed_at timestamptz(3) NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS livetrack_membership
(
    cluster_id varchar(150) NOT NULL REFERENCES livetrack_membership_version (cluster_id),
    address varchar(45) NOT NULL,
    port integer NOT NULL,
    generation integer NOT NULL,
    silo_name varchar(150) NOT NULL,
    host_name varchar(150) NOT NULL,
    status integer NOT NULL,
    proxy_port integer NULL,
    suspect_times varchar(8000) NULL,
    start_time timestamptz(3) NOT NULL,
    i_am_alive_time timestamptz(3) NOT NULL,
    PRIMARY KEY (cluster_id, address, port, generation)
);

-- A membership change succeeds only against the version the silo read; the row change and the version bump commit
-- together or not at all (the inner block is a savepoint: raising inside it undoes the version bump).
CREATE OR REPLACE FUNCTION livetrack_membership_insert(
    p_cluster varchar, p_address varchar, p_port integer, p_generation integer, p_silo_name varchar,
    p_host_name varchar, p_status integer, p_proxy_port integer, p_start timestamptz, p_alive timestamptz,
    p_version integer)
RETURNS integer LANGUAGE plpgsql AS $body$
BEGIN
    BEGIN
        UPDATE livetrack_membership_version SET version = version + 1, changed_at = now()
        WHERE cluster_id = p_cluster AND version = p_version;
        IF NOT FOUND THEN
            RETURN 0;
        END IF;
        INSERT INTO livetrack_membership (cluster_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
        VALUES (p_cluster, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_proxy_port, p_start, p_alive)
        ON CONFLICT DO NOTHING;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'silo row exists' USING ERRCODE = 'LT001';
        END IF;
        RETURN 1;
    EXCEPTION WHEN SQLSTATE 'LT001' THEN
        RETURN 0;
    END;
END
$body$;

CREATE OR REPLACE FUNCTION livetrack_membership_update(
    p_cluster varchar, p_address varchar, p_port integer, p_generation integer, p_status integer,
    p_suspect_times varchar, p_alive timestamptz, p_version integer)
RETURNS integer LANGUAGE plpgsql AS $body$
BEGIN
    BEGIN
        UPDATE livetrack_membership_version SET version = version + 1, changed_at = now()
        WHERE cluster_id = p_cluster AND version = p_version;
        IF NOT FOUND THEN
            RETURN 0;
        END IF;
        UPDATE livetrack_membership SET status = p_status, suspect_times = p_suspect_times, i_am_alive_time = p_alive
        WHERE cluster_id = p_cluster AND address = p_address AND port = p_port AND generation = p_generation;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'no silo row' USING ERRCODE = 'LT001';
        END IF;
        RETURN 1;
    EXCEPTION WHEN SQLSTATE 'LT001' THEN
        RETURN 0;
    END;
END
$body$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', '
WITH added AS (
    INSERT INTO livetrack_membership_version (cluster_id) VALUES (@DeploymentId)
    ON CONFLICT DO NOTHING RETURNING 1)
SELECT count(*)::integer FROM added'),
('InsertMembershipKey', '
SELECT livetrack_membership_insert(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
    @ProxyPort, @StartTime, @IAmAliveTime, @Version)'),
('UpdateMembershipKey', '
SELECT livetrack_membership_update(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
    @IAmAliveTime, @Version)'),
('UpdateIAmAlivetimeKey', '
UPDATE livetrack_membership SET i_am_alive_time = @IAmAliveTime
WHERE cluster_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation'),
('MembershipReadAllKey', '
SELECT v.cluster_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
    m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
    m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive_time AS IAmAliveTime, v.version AS Version
FROM livetrack_membership_version v
LEFT JOIN livetrack_membership m ON m.cluster_id = v.cluster_id
WHERE v.cluster_id = @DeploymentId'),
('MembershipReadRowKey', '
SELECT v.cluster_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
    m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
    m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive_time AS IAmAliveTime, v.version AS Version
FROM livetrack_membership_version v
LEFT JOIN livetrack_membership m ON m.cluster_id = v.cluster_id
    AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
WHERE v.cluster_id = @DeploymentId'),
('GatewaysQueryKey', '
SELECT address AS Address, proxy_port AS ProxyPort, generation AS Generation
FROM livetrack_membership
WHERE cluster_id = @DeploymentId AND status = @Status AND proxy_port > 0'),
('DeleteMembershipTableEntriesKey', '
DELETE FROM livetrack_membership WHERE cluster_id = @DeploymentId;
DELETE FROM livetrack_membership_version WHERE cluster_id = @DeploymentId'),
('CleanupDefunctSiloEntriesKey', '
DELETE FROM livetrack_membership
WHERE cluster_id = @DeploymentId AND i_am_alive_time < @IAmAliveTime AND status <> 3')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
