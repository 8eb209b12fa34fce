-- Planering on PostgreSQL, part 2 of 3: grain state, for Orleans' ADO.NET grain storage provider (invariant "Npgsql").
--
-- The provider runs the texts stored under WriteToStorageKey, ReadFromStorageKey and ClearStorageKey. It binds
-- @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId,
-- @GrainStateVersion and @PayloadBinary, and reads the columns PayloadBinary, Version and NewGrainStateVersion
-- (Version and NewGrainStateVersion as 32-bit integers). The two hashes are not used: the natural key is the index.
--
-- One row per grain, keyed by (service, grain type, grain id), so a second row for a grain cannot exist. The version
-- gives optimistic concurrency: a write names the version it last read and gets the new one back, or no row when
-- another activation wrote in between; Orleans turns that into InconsistentStateException. Runs at every start.

CREATE TABLE IF NOT EXISTS planering_grain_state
(
    service_id         varchar(150) NOT NULL,
    grain_type         varchar(512) NOT NULL,
    grain_id_n0        bigint       NOT NULL,
    grain_id_n1        bigint       NOT NULL,
    grain_id_extension varchar(512) NOT NULL, -- '' when the grain id has no string part
    payload            bytea        NULL,     -- NULL once the state was cleared
    version            integer      NOT NULL,
    modified_on        timestamptz  NOT NULL,
    CONSTRAINT planering_grain_state_pk PRIMARY KEY (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT s.payload AS "PayloadBinary", s.version AS "Version"
FROM planering_grain_state s
WHERE s.service_id = @ServiceId AND s.grain_type = @GrainTypeString
  AND s.grain_id_n0 = @GrainIdN0 AND s.grain_id_n1 = @GrainIdN1
  AND s.grain_id_extension = COALESCE(@GrainIdExtensionString, '''');
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- One statement, so it is atomic without a function: the UPDATE can only match when the caller names the current
-- version, the INSERT only runs when the caller has read no row, and ON CONFLICT makes a racing second insert a no-op
-- (it waits for the first to commit). Exactly one branch can return the new version; a stale caller gets no row.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
WITH updated AS (
    UPDATE planering_grain_state s
    SET payload = @PayloadBinary, version = s.version + 1, modified_on = now()
    WHERE @GrainStateVersion IS NOT NULL
      AND s.service_id = @ServiceId AND s.grain_type = @GrainTypeString
      AND s.grain_id_n0 = @GrainIdN0 AND s.grain_id_n1 = @GrainIdN1
      AND s.grain_id_extension = COALESCE(@GrainIdExtensionString, '''')
      AND s.version = @GrainStateVersion
    RETURNING s.version
), inserted AS (
    INSERT INTO planering_grain_state (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, payload, version, modified_on)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''''), @PayloadBinary, 1, now()
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT ON CONSTRAINT planering_grain_state_pk DO NOTHING
    RETURNING version
)
SELECT version AS "NewGrainStateVersion" FROM updated
UNION ALL
SELECT version FROM inserted;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- Clearing keeps the row (and so the version line) and drops the payload; Planering runs with DeleteStateOnClear off.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
UPDATE planering_grain_state s
SET payload = NULL, version = s.version + 1, modified_on = now()
WHERE s.service_id = @ServiceId AND s.grain_type = @GrainTypeString
  AND s.grain_id_n0 = @GrainIdN0 AND s.grain_id_n1 = @GrainIdN1
  AND s.grain_id_extension = COALESCE(@GrainIdExtensionString, '''')
  AND s.version = @GrainStateVersion
RETURNING s.version AS "NewGrainStateVersion";
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
