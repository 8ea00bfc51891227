-- The second factor (TOTP) of an account: its secret, sealed with the
-- server's key file (as BSNs are), so that the database alone cannot produce
-- codes; and the last time step a code was accepted for, so that a code seen
-- once cannot be used again (replay), also not through another server.
CREATE TABLE account_totp (
  username TEXT PRIMARY KEY REFERENCES account(username),
  secret_sealed TEXT NOT NULL,
  last_step BIGINT NOT NULL DEFAULT 0,
  enrolled_at BIGINT NOT NULL
);
