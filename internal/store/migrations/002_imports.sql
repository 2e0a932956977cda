-- Import journal (every import, for the history and undo) and saved
-- mapping profiles. Owned by internal/importer.
CREATE TABLE imports (
    id          INTEGER PRIMARY KEY AUTOINCREMENT, -- the batch number users see
    file        TEXT    NOT NULL,
    fingerprint TEXT    NOT NULL,
    profile     TEXT    NOT NULL DEFAULT '',
    headers     TEXT    NOT NULL, -- JSON array
    mapping     TEXT    NOT NULL, -- JSON array, one field per column
    options     TEXT    NOT NULL, -- JSON object
    counts      TEXT    NOT NULL DEFAULT '{}',
    created_at  TEXT    NOT NULL,
    -- written_at is the updated_at every customer the import wrote carries:
    -- a customer whose updated_at differs was edited since.
    written_at  TEXT    NOT NULL,
    undone_at   TEXT,
    -- The customers an import created have the IDs first_created to
    -- last_created: one transaction is the only writer and IDs only grow
    -- (AUTOINCREMENT), so a range replaces a journal line per creation.
    first_created INTEGER NOT NULL DEFAULT 0,
    last_created  INTEGER NOT NULL DEFAULT 0
);

-- One line per customer an import updated, with the JSON image of the
-- customer as it was, for undo (creations are the ID range above).
CREATE TABLE import_changes (
    import_id   INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    customer_id INTEGER NOT NULL,
    action      TEXT    NOT NULL CHECK (action IN ('create', 'update')),
    before      TEXT,
    PRIMARY KEY (import_id, customer_id)
) WITHOUT ROWID;

-- Groups and marketing sources an import created, removed by undo when
-- nothing uses them any more.
CREATE TABLE import_created (
    import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    kind      TEXT    NOT NULL CHECK (kind IN ('group', 'source')),
    name      TEXT    NOT NULL
);

CREATE INDEX balance_entries_import ON balance_entries (import_id) WHERE import_id IS NOT NULL;

CREATE TABLE import_profiles (
    name        TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
    fingerprint TEXT NOT NULL,
    headers     TEXT NOT NULL,
    mapping     TEXT NOT NULL,
    options     TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX import_profiles_fingerprint ON import_profiles (fingerprint, updated_at);
