-- Settings: reference lists, custom fields, operators and the activity
-- journal.

-- A source that is archived is no longer offered; its customers keep it.
ALTER TABLE marketing_sources ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;

-- Price types and civilities: customers hold the name (text), so a rename
-- rewrites their customers in the same transaction.
CREATE TABLE ref_values (
    list     TEXT    NOT NULL CHECK (list IN ('price_types', 'civilities')),
    name     TEXT    NOT NULL COLLATE NOCASE,
    position INTEGER NOT NULL DEFAULT 0,
    archived INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (list, name)
);
INSERT INTO ref_values (list, name, position) VALUES
    ('civilities', 'M.', 1), ('civilities', 'Mme', 2), ('civilities', 'Mlle', 3),
    ('civilities', 'Dr', 4), ('civilities', 'Me', 5), ('civilities', 'Pr', 6);
-- What the file already holds stays valid.
INSERT OR IGNORE INTO ref_values (list, name, position)
    SELECT 'civilities', civility, 100 FROM customers WHERE civility <> '' GROUP BY civility COLLATE NOCASE;
INSERT OR IGNORE INTO ref_values (list, name, position)
    SELECT 'price_types', v, 100 FROM (
        SELECT price_type_sales AS v FROM customers WHERE price_type_sales <> ''
        UNION SELECT price_type_orders FROM customers WHERE price_type_orders <> '');

-- Custom fields: customers hold their values in customers.custom (JSON,
-- keyed by the field's name).
CREATE TABLE custom_fields (
    id       INTEGER PRIMARY KEY,
    name     TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    type     TEXT    NOT NULL CHECK (type IN ('text', 'number', 'date', 'bool', 'list')),
    options  TEXT    NOT NULL DEFAULT '[]', -- JSON array, for a list
    position INTEGER NOT NULL DEFAULT 0,
    archived INTEGER NOT NULL DEFAULT 0
);
INSERT OR IGNORE INTO custom_fields (name, type, position)
    SELECT key, 'text', 0 FROM customers, json_each(customers.custom)
    WHERE customers.custom <> '' GROUP BY key COLLATE NOCASE;
UPDATE custom_fields SET position = id;

CREATE TABLE operators (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    role        TEXT    NOT NULL CHECK (role IN ('owner', 'employee')),
    permissions TEXT    NOT NULL DEFAULT '[]', -- JSON array
    pin_hash    TEXT    NOT NULL DEFAULT '',   -- argon2id, never the PIN
    archived    INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT    NOT NULL
);

-- Who did what: imports, undos, syncs, balance adjustments, deletions,
-- settings changes (the operator is '' when operators are off).
CREATE TABLE journal (
    id       INTEGER PRIMARY KEY,
    at       TEXT    NOT NULL,
    operator TEXT    NOT NULL DEFAULT '',
    action   TEXT    NOT NULL,
    subject  TEXT    NOT NULL DEFAULT '',
    detail   TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX journal_at ON journal (at);

ALTER TABLE imports ADD COLUMN operator TEXT NOT NULL DEFAULT '';
ALTER TABLE imports ADD COLUMN undone_by TEXT NOT NULL DEFAULT '';
ALTER TABLE balance_entries ADD COLUMN operator TEXT NOT NULL DEFAULT '';

-- An import may create custom fields too (undo removes those it created).
CREATE TABLE import_created_new (
    import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    kind      TEXT    NOT NULL CHECK (kind IN ('group', 'source', 'custom_field')),
    name      TEXT    NOT NULL
);
INSERT INTO import_created_new SELECT import_id, kind, name FROM import_created;
DROP TABLE import_created;
ALTER TABLE import_created_new RENAME TO import_created;
