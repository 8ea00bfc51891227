-- The audit trail in the spirit of NEN 7513 (docs/audit.md): who (user, role,
-- organisation), whose data (person), what (record type and id), from where
-- (client), and a hash chain. `seq` is the record's place in the chain; rows
-- written before this migration keep seq NULL and stay outside the chain
-- (audit_head.legacy counts them, so that verify notices rows added later
-- without a place in the chain).
ALTER TABLE audit_event ADD COLUMN role TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_event ADD COLUMN organisation TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_event ADD COLUMN person TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_event ADD COLUMN record_type TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_event ADD COLUMN record_id TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_event ADD COLUMN client TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_event ADD COLUMN seq BIGINT;
ALTER TABLE audit_event ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_event ADD COLUMN hash TEXT;
CREATE UNIQUE INDEX audit_seq ON audit_event(seq);
CREATE INDEX audit_person ON audit_event(person);
CREATE INDEX audit_at ON audit_event(at);

-- One row: the chain's length and last hash. Every append updates it in its
-- own transaction, which serialises appenders across server processes and
-- lets verify notice records removed from the end.
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL,
  legacy BIGINT NOT NULL
);
INSERT INTO audit_head (id, seq, hash, legacy)
  SELECT 1, 0, '0000000000000000000000000000000000000000000000000000000000000000', COUNT(*) FROM audit_event;

-- Append-only: the database itself refuses changes and removals. Someone with
-- full database access can drop these triggers; the hash chain is what
-- catches that.
@sqlite3@ CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
@sqlite3@ CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
@postgresql@ CREATE FUNCTION audit_event_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$;
@postgresql@ CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_refuse();
@postgresql@ CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse();
