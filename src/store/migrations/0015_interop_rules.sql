-- The rules of the iJw/iWmo standard between messages (docs/interop.md):
-- a message id is unique per message type and sender (TR056), so the key of
-- interop_message gains the kind; a declaration is kept by its number per
-- provider (TR333) with a digest of its lines, so that a re-sent declaration
-- is recognised; a declared line keeps the line it credits (TR323).
CREATE TABLE interop_message_new (
  id @ID@,
  standard TEXT NOT NULL CHECK (standard IN ('ijw','iwmo')),
  kind TEXT NOT NULL CHECK (kind IN ('301','305','307','323')),
  message_code TEXT NOT NULL,
  sender TEXT NOT NULL,
  receiver TEXT NOT NULL,
  message_ref TEXT NOT NULL,
  message_date TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  UNIQUE (standard, kind, sender, message_ref)
);
INSERT INTO interop_message_new (standard, kind, message_code, sender, receiver, message_ref, message_date,
  content_hash, imported_by, imported_at)
  SELECT standard, kind, message_code, sender, receiver, message_ref, message_date, content_hash, imported_by,
  imported_at FROM interop_message ORDER BY id;
DROP TABLE interop_message;
ALTER TABLE interop_message_new RENAME TO interop_message;

CREATE TABLE interop_declaration (
  standard TEXT NOT NULL,
  provider_agb TEXT NOT NULL,
  declaration_number TEXT NOT NULL,
  content_digest TEXT NOT NULL,
  message_ref TEXT NOT NULL,
  PRIMARY KEY (standard, provider_agb, declaration_number)
);

ALTER TABLE interop_declared_line ADD COLUMN declaration_number TEXT NOT NULL DEFAULT '';
ALTER TABLE interop_declared_line ADD COLUMN previous_reference TEXT;
CREATE INDEX interop_declared_line_reference ON interop_declared_line (standard, sender, product_reference);

-- An AGB code linked once to an organisation, so that imported provisions
-- read the provider's name.
CREATE TABLE interop_provider (
  agb TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL REFERENCES organisation(id),
  linked_by TEXT NOT NULL,
  linked_at TEXT NOT NULL
);

-- The outcome of every file offered for import: who, when, what, and for a
-- refusal the rule, the element path and the reason.
CREATE TABLE interop_import (
  id @ID@,
  standard TEXT NOT NULL,
  file_name TEXT NOT NULL,
  message TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('accepted','already_imported','refused')),
  rule TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '',
  imported_by TEXT NOT NULL,
  imported_at TEXT NOT NULL
);

-- Things an administrator should look at after an accepted import, such as a
-- BSN match onto a member whose birth year differs from the message's.
CREATE TABLE interop_warning (
  id @ID@,
  household_id TEXT NOT NULL REFERENCES household(id) ON DELETE CASCADE,
  member_id TEXT NOT NULL,
  message TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX interop_warning_household ON interop_warning (household_id);
-- A warning shows with the household, so it is a change of the household's view (see 0012).
@sqlite3@ CREATE TRIGGER view_rev_interop_warning_i AFTER INSERT ON interop_warning BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_interop_warning_u AFTER UPDATE ON interop_warning BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_interop_warning_d AFTER DELETE ON interop_warning BEGIN INSERT INTO view_revision (scope, rev) VALUES (OLD.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
