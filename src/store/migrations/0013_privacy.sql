-- Privacy rights (GDPR, docs/privacy.md): erasures of a household member on
-- request or by the retention rule for closed files, and per erasure each
-- category of records that the law requires to be kept, with its legal ground.
-- No foreign keys to member or household: the record of an erasure outlives
-- the records it describes when the retention rule removes a file.
CREATE TABLE erasure (
  id @ID@,
  household_id TEXT NOT NULL,
  member_id TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL CHECK (kind IN ('request','retention','removal')),
  reason TEXT NOT NULL,
  erased_by TEXT NOT NULL,
  erased_at TEXT NOT NULL,
  erased TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX erasure_member ON erasure(member_id);
CREATE INDEX erasure_household ON erasure(household_id);

-- retain_until: the first day the records may go; NULL when they are never
-- removed by Regie (the append-only audit trail).
CREATE TABLE erasure_exception (
  id @ID@,
  erasure_id BIGINT NOT NULL REFERENCES erasure(id),
  category TEXT NOT NULL,
  records INTEGER NOT NULL,
  legal_ground TEXT NOT NULL,
  retain_until TEXT
);
CREATE INDEX erasure_exception_erasure ON erasure_exception(erasure_id);

-- When a file was closed (or dropped), for the retention rule; and when a
-- household's own data was erased, so that the rule does not erase it twice.
-- closed_on is kept by the database itself, so that every writer (the server,
-- an import, another process) sets it. Files closed before this migration
-- have no date; the retention rule then uses their last provision's end.
-- The day is the UTC day, as every date in the schema.
ALTER TABLE household ADD COLUMN closed_on TEXT;
ALTER TABLE household ADD COLUMN erased_on TEXT;
@sqlite3@ CREATE TRIGGER household_closed_on AFTER UPDATE OF status ON household WHEN NEW.status IS NOT OLD.status BEGIN UPDATE household SET closed_on = CASE WHEN NEW.status IN ('closed','dropped') THEN date('now') ELSE NULL END WHERE id = NEW.id; END;
@postgresql@ CREATE FUNCTION household_closed_on() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.status IS DISTINCT FROM OLD.status THEN IF NEW.status IN ('closed','dropped') THEN NEW.closed_on := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD'); ELSE NEW.closed_on := NULL; END IF; END IF; RETURN NEW; END $$;
@postgresql@ CREATE TRIGGER household_closed_on BEFORE UPDATE OF status ON household FOR EACH ROW EXECUTE FUNCTION household_closed_on();

@sqlite3@ CREATE TRIGGER view_rev_erasure_i AFTER INSERT ON erasure BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_erasure_u AFTER UPDATE ON erasure BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_erasure_d AFTER DELETE ON erasure BEGIN INSERT INTO view_revision (scope, rev) VALUES (OLD.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
