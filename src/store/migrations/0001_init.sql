-- The first schema of Regie. Portable SQL for SQLite and PostgreSQL; the
-- placeholder @ID@ becomes the backend's auto-increment primary key.
-- Money is integer cents, dates are ISO yyyy-mm-dd text, timestamps ISO 8601 UTC.

CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE organisation (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL
);

CREATE TABLE professional (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  organisation_id TEXT NOT NULL REFERENCES organisation(id),
  role TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT ''
);

CREATE TABLE account (
  username TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('director','professional','member','analyst','team_lead','administrator')),
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);

CREATE TABLE household (
  id TEXT PRIMARY KEY,
  family_name TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  postcode TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  neighbourhood TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('referred','intake','active','aftercare','closed','dropped')),
  director TEXT REFERENCES account(username),
  referral_source TEXT,
  referral_reason TEXT,
  referral_date TEXT,
  drop_reason TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX household_director ON household(director);

CREATE TABLE member (
  id TEXT PRIMARY KEY,
  household_id TEXT NOT NULL REFERENCES household(id),
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('parent','child','other')),
  birth_year INTEGER NOT NULL,
  consent_status TEXT NOT NULL CHECK (consent_status IN ('given','pending','refused','withdrawn')),
  bsn_sealed TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX member_household ON member(household_id);

CREATE TABLE provision (
  id TEXT PRIMARY KEY,
  household_id TEXT NOT NULL REFERENCES household(id),
  member_id TEXT REFERENCES member(id),
  domain TEXT NOT NULL,
  provider_id TEXT NOT NULL REFERENCES organisation(id),
  professional_id TEXT REFERENCES professional(id),
  goal TEXT NOT NULL DEFAULT '',
  start_date TEXT NOT NULL,
  end_date TEXT,
  hours_per_week_centi BIGINT NOT NULL DEFAULT 0,
  annual_cost_cents BIGINT NOT NULL CHECK (annual_cost_cents >= 0),
  cost_basis TEXT NOT NULL CHECK (cost_basis IN ('declared','price_list','estimate')),
  indicated INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX provision_household ON provision(household_id);

CREATE TABLE measurement (
  id @ID@,
  member_id TEXT NOT NULL REFERENCES member(id),
  instrument TEXT NOT NULL,
  moment TEXT NOT NULL,
  measured_on TEXT NOT NULL,
  filled_by TEXT NOT NULL,
  item TEXT NOT NULL,
  score_milli BIGINT,
  UNIQUE (member_id, instrument, moment, item)
);

CREATE TABLE household_plan (
  id @ID@,
  household_id TEXT NOT NULL REFERENCES household(id),
  plan_version INTEGER NOT NULL,
  status TEXT NOT NULL,
  body TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  agreed_at TEXT,
  UNIQUE (household_id, plan_version)
);

CREATE TABLE decision (
  id @ID@,
  household_id TEXT NOT NULL REFERENCES household(id),
  kind TEXT NOT NULL CHECK (kind IN ('stop','start','scale_up','scale_down','replace')),
  reason TEXT NOT NULL,
  effective_date TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE round_table (
  id @ID@,
  household_id TEXT NOT NULL REFERENCES household(id),
  scheduled_at TEXT,
  agenda TEXT NOT NULL DEFAULT '',
  minutes TEXT NOT NULL DEFAULT ''
);

CREATE TABLE time_entry (
  id @ID@,
  household_id TEXT REFERENCES household(id),
  director TEXT NOT NULL REFERENCES account(username),
  entry_date TEXT NOT NULL,
  minutes INTEGER NOT NULL CHECK (minutes > 0),
  kind TEXT NOT NULL CHECK (kind IN ('direct','indirect','travel','project'))
);

CREATE TABLE audit_event (
  id @ID@,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  outcome TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_subject ON audit_event(subject);

CREATE TABLE session (
  token_hash TEXT PRIMARY KEY,
  username TEXT NOT NULL REFERENCES account(username),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL
);
