-- Marketing consent (issue 13): '' is "not asked", the answer of every
-- customer stored before the question existed; mailings leave out 'no'.
ALTER TABLE customers ADD COLUMN marketing_consent TEXT NOT NULL DEFAULT ''
    CHECK (marketing_consent IN ('', 'yes', 'no'));
