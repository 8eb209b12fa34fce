-- Planering on PostgreSQL, part 3 of 3: cluster membership, for Orleans' ADO.NET clustering provider (silos and the
-- stand-alone gateway, invariant "Npgsql").
--
-- The provider needs these query keys: InsertMembershipVersionKey, InsertMembershipKey, UpdateMembershipKey,
-- UpdateIAmAlivetimeKey, MembershipReadRowKey, MembershipReadAllKey, GatewaysQueryKey, DeleteMembershipTableEntriesKey,
-- CleanupDefunctSiloEntriesKey. It binds @DeploymentId (the ClusterId), @Address, @Port, @Generation, @SiloName,
-- @HostName, @Status, @ProxyPort, @SuspectTimes, @StartTime, @IAmAliveTime and @Version, reads rows by the column names
-- DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, SuspectTimes, StartTime, IAmAliveTime
-- and Version, and reads a single value (non-zero or true = success) from the insert and update queries.
--
-- Orleans' membership protocol versions the whole table: every change to a silo's row must name the table version the
-- silo last read and bumps it, so two silos deciding on stale views cannot both win. Here the version row of the
-- cluster is locked (FOR UPDATE) and re-checked inside the same statement that changes the silo row, which makes each
-- change atomic without a stored function. Runs at every start.

CREATE TABLE IF NOT EXISTS planering_membership_version
(
    deployment_id varchar(150) NOT NULL PRIMARY KEY,
    version       integer      NOT NULL DEFAULT 0,
    changed_at    timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS planering_membership
(
    deployment_id   varchar(150) NOT NULL REFERENCES planering_membership_version (deployment_id) ON DELETE CASCADE,
    address         varchar(45)  NOT NULL,
    port            integer      NOT NULL,
    generation      integer      NOT NULL,
    silo_name       varchar(150) NOT NULL,
    host_name       varchar(150) NOT NULL,
    status          integer      NOT NULL, -- Orleans' SiloStatus: 3 = Active, 6 = Dead
    proxy_port      integer      NOT NULL, -- the silo's gateway port; 0 when it takes no clients
    suspect_times   text         NULL,
    start_time      timestamptz  NOT NULL,
    i_am_alive_time timestamptz  NOT NULL,
    CONSTRAINT planering_membership_pk PRIMARY KEY (deployment_id, address, port, generation)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipVersionKey', '
WITH inserted AS (
    INSERT INTO planering_membership_version (deployment_id) VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM inserted);
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- The silo row is inserted only while the table version is the one the silo read, and the version is bumped only when
-- the row was inserted; a waiting competitor re-checks the locked version row and finds it moved.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('InsertMembershipKey', '
WITH current_version AS (
    SELECT v.deployment_id FROM planering_membership_version v
    WHERE v.deployment_id = @DeploymentId AND v.version = @Version
    FOR UPDATE
), inserted AS (
    INSERT INTO planering_membership (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
    SELECT c.deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
    FROM current_version c
    ON CONFLICT ON CONSTRAINT planering_membership_pk DO NOTHING
    RETURNING deployment_id
), bumped AS (
    UPDATE planering_membership_version v SET version = v.version + 1, changed_at = now()
    FROM inserted i WHERE v.deployment_id = i.deployment_id
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM bumped);
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateMembershipKey', '
WITH current_version AS (
    SELECT v.deployment_id FROM planering_membership_version v
    WHERE v.deployment_id = @DeploymentId AND v.version = @Version
    FOR UPDATE
), updated AS (
    UPDATE planering_membership m
    SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
    FROM current_version c
    WHERE m.deployment_id = c.deployment_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    RETURNING m.deployment_id
), bumped AS (
    UPDATE planering_membership_version v SET version = v.version + 1, changed_at = now()
    FROM updated u WHERE v.deployment_id = u.deployment_id
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM bumped);
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- The heartbeat is not versioned: Orleans never expects it to conflict.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpdateIAmAlivetimeKey', '
UPDATE planering_membership
SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Both reads start from the version row, so the table version comes back even when no silo row matches.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadRowKey', '
SELECT v.deployment_id AS "DeploymentId", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime",
       v.version AS "Version"
FROM planering_membership_version v
LEFT JOIN planering_membership m
       ON m.deployment_id = v.deployment_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('MembershipReadAllKey', '
SELECT v.deployment_id AS "DeploymentId", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime",
       v.version AS "Version"
FROM planering_membership_version v
LEFT JOIN planering_membership m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Clients (the stand-alone gateway) connect to the active silos that accept clients.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('GatewaysQueryKey', '
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
FROM planering_membership
WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Removing the version row removes the cluster's silo rows with it (ON DELETE CASCADE).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteMembershipTableEntriesKey', '
DELETE FROM planering_membership_version WHERE deployment_id = @DeploymentId;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Rows of silos that stopped heart-beating long ago; an Active row is left for the membership protocol to judge.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('CleanupDefunctSiloEntriesKey', '
DELETE FROM planering_membership
WHERE deployment_id = @DeploymentId AND i_am_alive_time < @IAmAliveTime AND status <> 3;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
