-- From referral to closing (issue 19): the director's contact log, the
-- history of every status change, and each family's own measurement moments.

-- A phone call, home visit, talk with a professional or an appointment the
-- family did not keep. Its minutes are also registered as time (time_entry
-- rows with contact_id), so the business case's director cost sees them.
CREATE TABLE contact (
  id @ID@,
  household_id TEXT NOT NULL REFERENCES household(id),
  kind TEXT NOT NULL CHECK (kind IN ('phone_call','home_visit','professional','no_show')),
  contact_on TEXT NOT NULL,
  minutes INTEGER NOT NULL CHECK (minutes > 0),
  travel_minutes INTEGER NOT NULL DEFAULT 0 CHECK (travel_minutes >= 0),
  professional_id TEXT REFERENCES professional(id),
  note TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX contact_household ON contact(household_id);
ALTER TABLE time_entry ADD COLUMN contact_id BIGINT REFERENCES contact(id);

-- Every status a household entered, with the day and who moved it there.
CREATE TABLE status_change (
  id @ID@,
  household_id TEXT NOT NULL REFERENCES household(id),
  status TEXT NOT NULL CHECK (status IN ('referred','intake','active','aftercare','closed','dropped')),
  changed_on TEXT NOT NULL,
  changed_by TEXT NOT NULL DEFAULT '',
  changed_at TEXT NOT NULL DEFAULT '',
  drop_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX status_change_household ON status_change(household_id);
-- Files made before this migration: the referral is known, the later changes are not.
INSERT INTO status_change (household_id, status, changed_on)
  SELECT id, 'referred', referral_date FROM household WHERE referral_date IS NOT NULL;

-- A date the director set for one family's T1 or T2 (otherwise T1 follows
-- the first T1 measurement and T2 a configured number of months after T1),
-- and whether the moment was held on it without questionnaires in Regie
-- (a completed measurement marks a moment held by itself).
CREATE TABLE measurement_moment (
  household_id TEXT NOT NULL REFERENCES household(id),
  moment TEXT NOT NULL CHECK (moment IN ('T1','T2')),
  planned_on TEXT NOT NULL,
  held INTEGER NOT NULL DEFAULT 0 CHECK (held IN (0, 1)),
  set_by TEXT NOT NULL,
  set_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (household_id, moment)
);

@sqlite3@ CREATE TRIGGER view_rev_contact_i AFTER INSERT ON contact BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_contact_u AFTER UPDATE ON contact BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_contact_d AFTER DELETE ON contact BEGIN INSERT INTO view_revision (scope, rev) VALUES (OLD.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_status_change_i AFTER INSERT ON status_change BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_status_change_u AFTER UPDATE ON status_change BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_status_change_d AFTER DELETE ON status_change BEGIN INSERT INTO view_revision (scope, rev) VALUES (OLD.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_measurement_moment_i AFTER INSERT ON measurement_moment BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_measurement_moment_u AFTER UPDATE ON measurement_moment BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_measurement_moment_d AFTER DELETE ON measurement_moment BEGIN INSERT INTO view_revision (scope, rev) VALUES (OLD.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
-- PostgreSQL keeps view revisions too (migration 0019).
@postgresql@ CREATE TRIGGER view_rev_contact AFTER INSERT OR UPDATE OR DELETE ON contact FOR EACH ROW EXECUTE FUNCTION view_rev_of_household();
@postgresql@ CREATE TRIGGER view_rev_status_change AFTER INSERT OR UPDATE OR DELETE ON status_change FOR EACH ROW EXECUTE FUNCTION view_rev_of_household();
@postgresql@ CREATE TRIGGER view_rev_measurement_moment AFTER INSERT OR UPDATE OR DELETE ON measurement_moment FOR EACH ROW EXECUTE FUNCTION view_rev_of_household();
