-- The director's mandate as granted, other organisations' plans for the same
-- household, and withdrawal of a mandate decision (issue 19). Grants and
-- decisions stay in the log; a withdrawal is recorded on the decision.

CREATE TABLE mandate_grant (
  id @ID@,
  household_id TEXT NOT NULL REFERENCES household(id),
  granted_by TEXT NOT NULL,
  granted_on TEXT NOT NULL,
  kinds TEXT NOT NULL,
  scope TEXT NOT NULL DEFAULT '',
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX mandate_grant_household ON mandate_grant(household_id);

CREATE TABLE external_plan (
  id @ID@,
  household_id TEXT NOT NULL REFERENCES household(id),
  organisation TEXT NOT NULL,
  title TEXT NOT NULL,
  coordinator TEXT NOT NULL DEFAULT '',
  starts_on TEXT NOT NULL,
  ends_on TEXT,
  note TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX external_plan_household ON external_plan(household_id);

ALTER TABLE decision ADD COLUMN withdrawn_at TEXT;
ALTER TABLE decision ADD COLUMN withdrawn_by TEXT;
ALTER TABLE decision ADD COLUMN withdrawal_reason TEXT;

-- A provision that a withdrawn decision had started is removed from the care
-- map; its history says so. SQLite cannot change a CHECK, so the table is rebuilt
-- (with the view-revision triggers it carried).
@postgresql@ ALTER TABLE care_map_change DROP CONSTRAINT care_map_change_change_check;
@postgresql@ ALTER TABLE care_map_change ADD CONSTRAINT care_map_change_change_check CHECK (change IN ('added','edited','ended','removed'));
@sqlite3@ CREATE TABLE care_map_change_new (
@sqlite3@   id INTEGER PRIMARY KEY AUTOINCREMENT,
@sqlite3@   household_id TEXT NOT NULL REFERENCES household(id),
@sqlite3@   provision_id TEXT,
@sqlite3@   changed_by TEXT NOT NULL,
@sqlite3@   changed_at TEXT NOT NULL,
@sqlite3@   change TEXT NOT NULL CHECK (change IN ('added','edited','ended','removed')),
@sqlite3@   detail TEXT NOT NULL DEFAULT ''
@sqlite3@ );
@sqlite3@ INSERT INTO care_map_change_new (id, household_id, provision_id, changed_by, changed_at, change, detail) SELECT id, household_id, provision_id, changed_by, changed_at, change, detail FROM care_map_change;
@sqlite3@ DROP TABLE care_map_change;
@sqlite3@ ALTER TABLE care_map_change_new RENAME TO care_map_change;
@sqlite3@ CREATE INDEX care_map_change_household ON care_map_change(household_id);
@sqlite3@ CREATE TRIGGER view_rev_care_map_change_i AFTER INSERT ON care_map_change BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_care_map_change_u AFTER UPDATE ON care_map_change BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_care_map_change_d AFTER DELETE ON care_map_change BEGIN INSERT INTO view_revision (scope, rev) VALUES (OLD.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;

-- The household view shows the "more than one plan" signal and the mandate: a
-- change to either renews it (see 0012_view_revision.sql).
@sqlite3@ CREATE TRIGGER view_rev_external_plan_i AFTER INSERT ON external_plan BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_external_plan_u AFTER UPDATE ON external_plan BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_external_plan_d AFTER DELETE ON external_plan BEGIN INSERT INTO view_revision (scope, rev) VALUES (OLD.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_mandate_grant_i AFTER INSERT ON mandate_grant BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_mandate_grant_u AFTER UPDATE ON mandate_grant BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_mandate_grant_d AFTER DELETE ON mandate_grant BEGIN INSERT INTO view_revision (scope, rev) VALUES (OLD.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
-- PostgreSQL keeps view revisions too (migration 0019).
@postgresql@ CREATE TRIGGER view_rev_external_plan AFTER INSERT OR UPDATE OR DELETE ON external_plan FOR EACH ROW EXECUTE FUNCTION view_rev_of_household();
@postgresql@ CREATE TRIGGER view_rev_mandate_grant AFTER INSERT OR UPDATE OR DELETE ON mandate_grant FOR EACH ROW EXECUTE FUNCTION view_rev_of_household();
