-- Measurements: one row per member, instrument and moment, with its answers
-- apart so that a partly filled questionnaire can be saved and finished later.
-- The item-per-row table of 0001 was never written by any release.
DROP TABLE measurement;

CREATE TABLE measurement (
  id @ID@,
  household_id TEXT NOT NULL REFERENCES household(id),
  member_id TEXT NOT NULL REFERENCES member(id),
  instrument TEXT NOT NULL,
  instrument_version TEXT NOT NULL,
  moment TEXT NOT NULL,
  measured_on TEXT NOT NULL,
  filled_by TEXT NOT NULL CHECK (filled_by IN ('member','with_director','proxy')),
  status TEXT NOT NULL CHECK (status IN ('in_progress','completed')),
  recorded_by TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (member_id, instrument, moment)
);
CREATE INDEX measurement_household ON measurement(household_id);

CREATE TABLE measurement_answer (
  measurement_id BIGINT NOT NULL REFERENCES measurement(id) ON DELETE CASCADE,
  item TEXT NOT NULL,
  value INTEGER NOT NULL,
  PRIMARY KEY (measurement_id, item)
);

-- A member's wish for change, linked to a spider-web dimension.
CREATE TABLE wish (
  id @ID@,
  household_id TEXT NOT NULL REFERENCES household(id),
  member_id TEXT NOT NULL REFERENCES member(id),
  dimension TEXT NOT NULL,
  text TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX wish_household ON wish(household_id);
