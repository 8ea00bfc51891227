-- Sign-in through an OpenID Connect provider (staff) or the DigiD broker
-- (household members), and mail that leaves Regie (issue #23).
--
-- A sign-in that has gone to the provider and not come back yet: its state
-- (by hash, as the browser brings it back), the browser it was started in
-- (hash of a cookie), the nonce the ID token must carry and the PKCE
-- verifier. In the store, not in one process's memory, so that the browser
-- may come back to another server behind the proxy; deleted when used
-- (once: a replayed state or nonce finds nothing) or after ten minutes.
CREATE TABLE oidc_pending (
  state_hash TEXT PRIMARY KEY,
  provider TEXT NOT NULL,
  browser_hash TEXT NOT NULL,
  nonce TEXT NOT NULL,
  verifier TEXT NOT NULL,
  redirect_uri TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX oidc_pending_created ON oidc_pending (created_at);

-- Mail waiting to be sent, being sent, sent or given up. `dedup_key` names
-- what the mail is about (a round table's invitation at one sequence for one
-- participant, one member's due second measurement, ...), so that the same
-- reminder is queued once, also across restarts and servers. `locked_until`
-- is the lease of the server that is sending it. A sent mail keeps its key,
-- recipient and time; its text and attachment are emptied.
CREATE TABLE mail_queue (
  id @ID@,
  dedup_key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  household_id TEXT NOT NULL DEFAULT '',
  recipient TEXT NOT NULL,
  reply_to TEXT NOT NULL DEFAULT '',
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  attachment_name TEXT NOT NULL DEFAULT '',
  attachment TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','sent','failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  locked_until BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  sent_at BIGINT,
  last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mail_queue_due ON mail_queue (status, next_attempt_at);
