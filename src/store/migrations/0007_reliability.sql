-- Reliability: failed sign-in attempts live in the store, so that every
-- `regie serve` process on one database throttles and locks out together.
-- The key is a hash of "user:<name>" or "client:<address>": a name typed
-- into the wrong field (a password, say) is never stored in clear.

CREATE TABLE sign_in_failure (
  key_hash TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  first_at BIGINT NOT NULL,
  locked_until BIGINT NOT NULL DEFAULT 0
);
