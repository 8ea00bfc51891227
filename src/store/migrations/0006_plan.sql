-- One household plan, mandate decisions, round tables and aftercare (issue 7).
-- The plan, decision and round-table tables of 0001 gain the columns their
-- screens need. Decisions are append-only: the store never updates or deletes them.

-- A plan version's goals are one JSON document (body), stored whole per version.
ALTER TABLE household_plan ADD COLUMN agreed_by TEXT;
ALTER TABLE household_plan ADD COLUMN agreement_recorded_by TEXT;
-- At most one plan in force per household.
CREATE UNIQUE INDEX household_plan_one_active ON household_plan(household_id) WHERE status = 'active';

-- effects: the provision ids stopped, started and scaled (JSON). annual_effect:
-- expected annual cost effect per funder in cents (JSON object, category -> cents).
ALTER TABLE decision ADD COLUMN effects TEXT NOT NULL DEFAULT '{}';
ALTER TABLE decision ADD COLUMN annual_effect TEXT NOT NULL DEFAULT '{}';
ALTER TABLE decision ADD COLUMN round_table_id BIGINT;
CREATE INDEX decision_household ON decision(household_id);

ALTER TABLE round_table ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE round_table ADD COLUMN status TEXT NOT NULL DEFAULT 'planning';
ALTER TABLE round_table ADD COLUMN duration_minutes INTEGER NOT NULL DEFAULT 60;
ALTER TABLE round_table ADD COLUMN window_from TEXT NOT NULL DEFAULT '';
ALTER TABLE round_table ADD COLUMN window_to TEXT NOT NULL DEFAULT '';
ALTER TABLE round_table ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Europe/Amsterdam';
ALTER TABLE round_table ADD COLUMN location TEXT NOT NULL DEFAULT '';
ALTER TABLE round_table ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
ALTER TABLE round_table ADD COLUMN created_at TEXT NOT NULL DEFAULT '';
ALTER TABLE round_table ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE round_table ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE INDEX round_table_household ON round_table(household_id);

-- availability: JSON list of [from, to] local wall-clock pairs.
CREATE TABLE round_table_participant (
  id @ID@,
  round_table_id BIGINT NOT NULL REFERENCES round_table(id),
  party_kind TEXT NOT NULL CHECK (party_kind IN ('professional','member','director','other')),
  party_id TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  required INTEGER NOT NULL,
  time_zone TEXT NOT NULL DEFAULT '',
  availability TEXT NOT NULL DEFAULT '[]',
  attendance TEXT NOT NULL DEFAULT 'unknown' CHECK (attendance IN ('unknown','present','absent','excused'))
);
CREATE INDEX round_table_participant_table ON round_table_participant(round_table_id);

CREATE TABLE aftercare_schedule (
  household_id TEXT PRIMARY KEY REFERENCES household(id),
  start_date TEXT NOT NULL,
  interval_months INTEGER NOT NULL CHECK (interval_months BETWEEN 1 AND 12),
  set_by TEXT NOT NULL,
  set_at TEXT NOT NULL
);

CREATE TABLE aftercare_contact (
  id @ID@,
  household_id TEXT NOT NULL REFERENCES household(id),
  contacted_on TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX aftercare_contact_household ON aftercare_contact(household_id);
