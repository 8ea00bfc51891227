-- Team leads assigned to a household next to its director. A team lead sees
-- caseloads only; while assigned here they work on the household's file as
-- its director does (docs/access.md). Removing the row ends that at once.
-- Erasing a household takes its assignments with it.
CREATE TABLE household_assignment (
  household_id TEXT NOT NULL REFERENCES household(id) ON DELETE CASCADE,
  username TEXT NOT NULL REFERENCES account(username),
  assigned_by TEXT NOT NULL,
  assigned_at TEXT NOT NULL,
  PRIMARY KEY (household_id, username)
);
CREATE INDEX household_assignment_user ON household_assignment (username);
-- The file view names the assigned team leads, so an assignment is a change
-- of the household's view (see 0012).
@sqlite3@ CREATE TRIGGER view_rev_household_assignment_i AFTER INSERT ON household_assignment BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_household_assignment_u AFTER UPDATE ON household_assignment BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_household_assignment_d AFTER DELETE ON household_assignment BEGIN INSERT INTO view_revision (scope, rev) VALUES (OLD.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
