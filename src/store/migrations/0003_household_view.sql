-- The integral household view: coaching provisions for signal 6, the
-- director's acknowledgements of signals, and the history of care-map edits
-- (for the timeline and for turnover).

ALTER TABLE provision ADD COLUMN coaching INTEGER NOT NULL DEFAULT 0;
ALTER TABLE professional ADD COLUMN email TEXT NOT NULL DEFAULT '';

CREATE TABLE signal_ack (
  id @ID@,
  household_id TEXT NOT NULL REFERENCES household(id),
  signal TEXT NOT NULL,
  note TEXT NOT NULL,
  acknowledged_by TEXT NOT NULL,
  acknowledged_at TEXT NOT NULL
);
CREATE INDEX signal_ack_household ON signal_ack(household_id);

CREATE TABLE care_map_change (
  id @ID@,
  household_id TEXT NOT NULL REFERENCES household(id),
  provision_id TEXT,
  changed_by TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  change TEXT NOT NULL CHECK (change IN ('added','edited','ended')),
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX care_map_change_household ON care_map_change(household_id);
