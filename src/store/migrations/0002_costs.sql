-- Costs for the social business case (report §8): the social price list,
-- versioned by date; how a provision's cost is derived from it; the
-- director's virtual savings (prevented events), kept apart from measured ones.

CREATE TABLE price_list_item (
  id @ID@,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  unit TEXT NOT NULL CHECK (unit IN ('intervention','hour','month','year')),
  amount_cents BIGINT NOT NULL CHECK (amount_cents >= 0),
  valid_from TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (code, valid_from)
);

-- A provision priced from the list: annual cost = price valid on the date x units per year.
ALTER TABLE provision ADD COLUMN price_code TEXT;
ALTER TABLE provision ADD COLUMN units_per_year_centi BIGINT;

CREATE TABLE virtual_saving (
  id @ID@,
  household_id TEXT NOT NULL REFERENCES household(id),
  kind TEXT NOT NULL CHECK (kind IN ('out_of_home_placement','eviction','crisis_admission','police_intervention','other')),
  amount_cents BIGINT NOT NULL CHECK (amount_cents >= 0),
  note TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_on TEXT NOT NULL
);
CREATE INDEX virtual_saving_household ON virtual_saving(household_id);
CREATE INDEX time_entry_household ON time_entry(household_id);
