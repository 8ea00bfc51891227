-- iJw/iWmo messages brought in (one row per message, keyed by standard,
-- sender and message id so that a re-import is recognised), the allocations
-- behind provisions on the care map, and the declared service lines.

CREATE TABLE interop_message (
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
  UNIQUE (standard, sender, message_ref)
);

CREATE TABLE interop_allocation (
  standard TEXT NOT NULL,
  municipality TEXT NOT NULL,
  allocation_number TEXT NOT NULL,
  provision_id TEXT NOT NULL REFERENCES provision(id),
  member_id TEXT NOT NULL REFERENCES member(id),
  provider_agb TEXT NOT NULL,
  product_category TEXT NOT NULL DEFAULT '',
  product_code TEXT NOT NULL DEFAULT '',
  allocated_start TEXT NOT NULL,
  allocated_end TEXT,
  volume BIGINT,
  unit TEXT,
  frequency TEXT,
  budget_cents BIGINT,
  actual_start TEXT,
  actual_end TEXT,
  last_message_ref TEXT NOT NULL,
  PRIMARY KEY (standard, municipality, allocation_number)
);
CREATE INDEX interop_allocation_provision ON interop_allocation(provision_id);

CREATE TABLE interop_declared_line (
  id @ID@,
  standard TEXT NOT NULL,
  sender TEXT NOT NULL,
  message_ref TEXT NOT NULL,
  provision_id TEXT NOT NULL REFERENCES provision(id),
  product_reference TEXT NOT NULL,
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  volume BIGINT NOT NULL,
  unit TEXT NOT NULL,
  tariff_cents BIGINT,
  amount_cents BIGINT NOT NULL
);
CREATE INDEX interop_declared_line_provision ON interop_declared_line(provision_id);
