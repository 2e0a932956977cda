-- Multisite (seed 001, issue 14). The customers table is the record every
-- site shares (name, address, e-mail, currency, credit hold…); each site
-- keeps its own part of a customer in customer_sites, and a customer is
-- on a site when it has a row there.
CREATE TABLE sites (
    id       INTEGER PRIMARY KEY,
    code     TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    name     TEXT    NOT NULL,
    main     INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0
);
-- One main site, never more.
CREATE UNIQUE INDEX sites_one_main ON sites (main) WHERE main = 1;
INSERT INTO sites (id, code, name, main, position) VALUES (1, 'PRINCIPAL', 'Site principal', 1, 1);

CREATE TABLE customer_sites (
    customer_id         INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    site_id             INTEGER NOT NULL REFERENCES sites (id),
    customer_type       TEXT    NOT NULL DEFAULT '',
    price_code          TEXT    NOT NULL DEFAULT '',
    end_user_type       TEXT    NOT NULL DEFAULT '',
    invoice_category    TEXT    NOT NULL DEFAULT '',
    bank_code           TEXT    NOT NULL DEFAULT '',
    country             TEXT    NOT NULL DEFAULT '',
    language            TEXT    NOT NULL DEFAULT '',
    nature_code         TEXT    NOT NULL DEFAULT '',
    nature_code2        TEXT    NOT NULL DEFAULT '',
    delivery_terms      TEXT    NOT NULL DEFAULT '',
    territory           TEXT    NOT NULL DEFAULT '',
    sales_force         TEXT    NOT NULL DEFAULT '',
    tax_id              TEXT    NOT NULL DEFAULT '',
    tax_code            TEXT    NOT NULL DEFAULT '',
    notes               TEXT    NOT NULL DEFAULT '',
    credit_limit        INTEGER NOT NULL DEFAULT 0,
    last_payment_date   TEXT    NOT NULL DEFAULT '',
    last_payment_amount INTEGER NOT NULL DEFAULT 0,
    average_days_to_pay INTEGER NOT NULL DEFAULT 0,
    highest_balance     INTEGER NOT NULL DEFAULT 0,
    shipping            TEXT    NOT NULL DEFAULT '', -- JSON [{warehouse,carrier}] by address position
    PRIMARY KEY (customer_id, site_id)
) WITHOUT ROWID;
-- The Clients tab's current-site filter and the site counts.
CREATE INDEX customer_sites_site ON customer_sites (site_id, customer_id);

-- Every customer stored so far is on the main site, with its notes and
-- language, which become the main site's own.
INSERT INTO customer_sites (customer_id, site_id, language, notes)
    SELECT id, 1, language, notes FROM customers;
ALTER TABLE customers DROP COLUMN notes;
ALTER TABLE customers DROP COLUMN language;

-- The shared record's new fields.
ALTER TABLE customers ADD COLUMN billing_state TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN balance_method TEXT NOT NULL DEFAULT ''
    CHECK (balance_method IN ('', 'open_item', 'balance_forward'));
ALTER TABLE customers ADD COLUMN amount_over_invoice INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN days_over_due INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN is_buying_group INTEGER NOT NULL DEFAULT 0;
ALTER TABLE customers ADD COLUMN buying_group_id INTEGER REFERENCES customers (id) ON DELETE SET NULL;
CREATE INDEX customers_buying_group ON customers (buying_group_id) WHERE buying_group_id IS NOT NULL;

-- Reference lists, per site; the main site also keeps the lists every
-- site shares (states, credit-hold reasons).
CREATE TABLE site_lists (
    site_id  INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    list     TEXT    NOT NULL,
    code     TEXT    NOT NULL COLLATE NOCASE,
    label    TEXT    NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (site_id, list, code)
) WITHOUT ROWID;

-- The main site starts with the languages and countries its customers
-- use, and the values the file already holds stay valid.
INSERT INTO site_lists (site_id, list, code, label, position) VALUES
    (1, 'languages', 'fr', 'Français', 1), (1, 'languages', 'en', 'Anglais', 2),
    (1, 'languages', 'de', 'Allemand', 3), (1, 'languages', 'es', 'Espagnol', 4),
    (1, 'languages', 'it', 'Italien', 5), (1, 'languages', 'nl', 'Néerlandais', 6),
    (1, 'countries', 'FR', 'France', 1), (1, 'countries', 'BE', 'Belgique', 2),
    (1, 'countries', 'CH', 'Suisse', 3), (1, 'countries', 'LU', 'Luxembourg', 4),
    (1, 'countries', 'MC', 'Monaco', 5), (1, 'countries', 'DE', 'Allemagne', 6),
    (1, 'countries', 'ES', 'Espagne', 7), (1, 'countries', 'IT', 'Italie', 8),
    (1, 'countries', 'NL', 'Pays-Bas', 9), (1, 'countries', 'GB', 'Royaume-Uni', 10),
    (1, 'countries', 'PT', 'Portugal', 11), (1, 'countries', 'US', 'États-Unis', 12),
    (1, 'countries', 'CA', 'Canada', 13);
INSERT OR IGNORE INTO site_lists (site_id, list, code, label, position)
    SELECT 1, 'languages', language, language, 100 FROM customer_sites WHERE language <> '' GROUP BY language COLLATE NOCASE;
INSERT OR IGNORE INTO site_lists (site_id, list, code, label, position)
    SELECT 1, 'countries', country, country, 100 FROM customers WHERE country <> '' GROUP BY country COLLATE NOCASE;
INSERT OR IGNORE INTO site_lists (site_id, list, code, label, position)
    SELECT 1, 'credit_hold_reasons', credit_hold_reason, credit_hold_reason, 100 FROM customers
    WHERE credit_hold_reason <> '' GROUP BY credit_hold_reason COLLATE NOCASE;
