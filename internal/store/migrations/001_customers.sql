-- Customers, groups, balance ledger, documents and the search index.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE marketing_sources (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

-- AUTOINCREMENT: an internal ID is never reused, even after a deletion.
CREATE TABLE customers (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    code               TEXT    NOT NULL UNIQUE,
    kind               TEXT    NOT NULL CHECK (kind IN ('person', 'company')),
    civility           TEXT    NOT NULL DEFAULT '',
    last_name          TEXT    NOT NULL DEFAULT '',
    first_name         TEXT    NOT NULL DEFAULT '',
    company_name       TEXT    NOT NULL DEFAULT '',
    legal_form         TEXT    NOT NULL DEFAULT '',
    siret              TEXT    NOT NULL DEFAULT '',
    vat_number         TEXT    NOT NULL DEFAULT '',
    iban               TEXT    NOT NULL DEFAULT '',
    email              TEXT    NOT NULL DEFAULT '',
    phones             TEXT    NOT NULL DEFAULT '', -- JSON array of {number,label}
    phone1             TEXT    NOT NULL DEFAULT '', -- first number, for lists and sorting
    fax                TEXT    NOT NULL DEFAULT '',
    website            TEXT    NOT NULL DEFAULT '',
    billing_line1      TEXT    NOT NULL DEFAULT '',
    billing_line2      TEXT    NOT NULL DEFAULT '',
    postcode           TEXT    NOT NULL DEFAULT '',
    city               TEXT    NOT NULL DEFAULT '',
    country            TEXT    NOT NULL DEFAULT '',
    reference          TEXT    NOT NULL DEFAULT '',
    account_number     TEXT    NOT NULL DEFAULT '',
    supplier           INTEGER NOT NULL DEFAULT 0,
    disappointed       INTEGER NOT NULL DEFAULT 0,
    marketing_source_id INTEGER REFERENCES marketing_sources (id) ON DELETE SET NULL,
    discount_card      TEXT    NOT NULL DEFAULT '',
    discount_sales     INTEGER NOT NULL DEFAULT 0 CHECK (discount_sales BETWEEN 0 AND 10000),
    discount_services  INTEGER NOT NULL DEFAULT 0 CHECK (discount_services BETWEEN 0 AND 10000),
    discount_materials INTEGER NOT NULL DEFAULT 0 CHECK (discount_materials BETWEEN 0 AND 10000),
    price_type_sales   TEXT    NOT NULL DEFAULT '',
    price_type_orders  TEXT    NOT NULL DEFAULT '',
    sales_rep          TEXT    NOT NULL DEFAULT '',
    payment_terms      TEXT    NOT NULL DEFAULT '',
    payment_method     TEXT    NOT NULL DEFAULT '',
    currency           TEXT    NOT NULL DEFAULT '',
    language           TEXT    NOT NULL DEFAULT '',
    credit_limit       INTEGER NOT NULL DEFAULT 0,
    insurer_guarantee  INTEGER NOT NULL DEFAULT 0,
    other_guarantees   INTEGER NOT NULL DEFAULT 0,
    credit_hold        INTEGER NOT NULL DEFAULT 0,
    credit_hold_reason TEXT    NOT NULL DEFAULT '',
    notes              TEXT    NOT NULL DEFAULT '',
    custom             TEXT    NOT NULL DEFAULT '', -- JSON object
    archived           INTEGER NOT NULL DEFAULT 0,
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    -- Derived columns for sorting; rewritten on every save.
    sort_name          TEXT    NOT NULL DEFAULT '',
    sort_city          TEXT    NOT NULL DEFAULT '',
    -- Cache of SUM(balance_entries.amount), kept by the triggers below so
    -- that a million customers can be sorted by balance.
    balance            INTEGER NOT NULL DEFAULT 0
);
-- List orders: (sort key, archived) so that the Clients tab's window and
-- its archived filter are read from the index alone, whatever the offset.
CREATE INDEX customers_sort_name ON customers (sort_name, archived);
CREATE INDEX customers_sort_code ON customers (code, archived);
CREATE INDEX customers_sort_city ON customers (sort_city, archived);
CREATE INDEX customers_sort_email ON customers (email, archived);
CREATE INDEX customers_sort_phone ON customers (phone1, archived);
CREATE INDEX customers_sort_balance ON customers (balance, archived);
CREATE INDEX customers_reference ON customers (reference) WHERE reference <> '';
CREATE INDEX customers_siret ON customers (siret) WHERE siret <> '';
CREATE INDEX customers_vat ON customers (vat_number) WHERE vat_number <> '';

CREATE TABLE shipping_addresses (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    label       TEXT    NOT NULL DEFAULT '',
    line1       TEXT    NOT NULL DEFAULT '',
    line2       TEXT    NOT NULL DEFAULT '',
    postcode    TEXT    NOT NULL DEFAULT '',
    city        TEXT    NOT NULL DEFAULT '',
    country     TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX shipping_addresses_customer ON shipping_addresses (customer_id, position);

CREATE TABLE groups (
    id       INTEGER PRIMARY KEY,
    name     TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    discount INTEGER NOT NULL DEFAULT 0 CHECK (discount BETWEEN 0 AND 10000)
);

CREATE TABLE customer_groups (
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    group_id    INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    PRIMARY KEY (customer_id, group_id)
) WITHOUT ROWID;
CREATE INDEX customer_groups_group ON customer_groups (group_id, customer_id);

CREATE TABLE balance_entries (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    date        TEXT    NOT NULL,
    label       TEXT    NOT NULL,
    amount      INTEGER NOT NULL,
    origin      TEXT    NOT NULL,
    import_id   INTEGER
);
CREATE INDEX balance_entries_customer ON balance_entries (customer_id, date);

CREATE TRIGGER balance_entries_ai AFTER INSERT ON balance_entries BEGIN
    UPDATE customers SET balance = balance + NEW.amount WHERE id = NEW.customer_id;
END;
CREATE TRIGGER balance_entries_ad AFTER DELETE ON balance_entries BEGIN
    UPDATE customers SET balance = balance - OLD.amount WHERE id = OLD.customer_id;
END;

-- Documents keep the customer's code and name: deleting the customer only
-- clears the link.
CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    customer_id   INTEGER REFERENCES customers (id) ON DELETE SET NULL,
    customer_code TEXT    NOT NULL,
    customer_name TEXT    NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('invoice', 'order')),
    number        TEXT    NOT NULL,
    date          TEXT    NOT NULL,
    total         INTEGER NOT NULL
);
CREATE INDEX documents_customer ON documents (customer_id, date);

-- Substring search: trigram index over a folded text of each customer
-- (code, names, email, phones in every typed form, city, reference…).
-- Contentless: the text lives only in the index; rowid = customers.id.
CREATE VIRTUAL TABLE customer_search USING fts5 (
    doc, content = '', contentless_delete = 1, tokenize = 'trigram'
);
