-- Documents a shop sync records carry the import (journal) number that
-- brought them, so that undoing the sync removes them.
ALTER TABLE documents ADD COLUMN import_id INTEGER;
CREATE INDEX documents_import ON documents (import_id) WHERE import_id IS NOT NULL;
