-- Planering's grain storage on SQLite, for Orleans' ADO.NET grain storage provider.
--
-- The provider reads its SQL from the table OrleansQuery by key (WriteToStorageKey, ReadFromStorageKey,
-- ClearStorageKey). It binds the parameters @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
-- @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary, and reads the columns PayloadBinary, Version
-- and NewGrainStateVersion. Everything else here is ours.
--
-- One row per grain. The natural key (service, grain type, grain id) is the primary key, so a second insert for the
-- same grain cannot happen; the version gives optimistic concurrency: a write states the version it last saw, and
-- answers the new version, or no row when someone else wrote in between (Orleans then raises InconsistentStateException).
-- The script is idempotent: it runs at every start.

PRAGMA journal_mode = WAL;

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS PlaneringGrainState
(
    ServiceId        TEXT    NOT NULL,
    GrainType        TEXT    NOT NULL,
    GrainIdN0        INTEGER NOT NULL,
    GrainIdN1        INTEGER NOT NULL,
    GrainIdExtension TEXT    NOT NULL, -- '' when the grain id has no string part
    Payload          BLOB    NULL,     -- NULL after the state was cleared
    Version          INTEGER NOT NULL,
    ModifiedOn       TEXT    NOT NULL,
    PRIMARY KEY (ServiceId, GrainType, GrainIdN0, GrainIdN1, GrainIdExtension)
) WITHOUT ROWID;

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT Payload AS PayloadBinary, Version AS Version
FROM PlaneringGrainState
WHERE ServiceId = @ServiceId AND GrainType = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtension = COALESCE(@GrainIdExtensionString, '''');
');

-- Exactly one of the two statements can change a row: the UPDATE when the caller names the current version, the
-- INSERT when the caller has seen no row and none exists. Either returns the new version; a stale caller gets nothing.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
UPDATE PlaneringGrainState
SET Payload = @PayloadBinary, Version = Version + 1, ModifiedOn = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now'')
WHERE @GrainStateVersion IS NOT NULL
  AND ServiceId = @ServiceId AND GrainType = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtension = COALESCE(@GrainIdExtensionString, '''')
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;

INSERT INTO PlaneringGrainState (ServiceId, GrainType, GrainIdN0, GrainIdN1, GrainIdExtension, Payload, Version, ModifiedOn)
SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''''), @PayloadBinary, 1,
       strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now'')
WHERE @GrainStateVersion IS NULL
ON CONFLICT DO NOTHING
RETURNING Version AS NewGrainStateVersion;
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
UPDATE PlaneringGrainState
SET Payload = NULL, Version = Version + 1, ModifiedOn = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now'')
WHERE ServiceId = @ServiceId AND GrainType = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtension = COALESCE(@GrainIdExtensionString, '''')
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;
');
