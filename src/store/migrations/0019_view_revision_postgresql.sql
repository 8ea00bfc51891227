-- The view revisions of migration 0012 on PostgreSQL too, so that a server
-- there reuses rendered household views as on SQLite, and several servers on
-- one database each keep their own cache: every server reads the revisions
-- with the household row on every view, and every writer (any server,
-- `regie import`, psql) bumps them through these triggers in its own
-- transaction, so no server serves a view older than what another committed.
-- A row per household and '*' for data every view shares, as on SQLite.
@postgresql@ CREATE TABLE view_revision (
@postgresql@   scope TEXT PRIMARY KEY,
@postgresql@   rev BIGINT NOT NULL
@postgresql@ );
@postgresql@ INSERT INTO view_revision (scope, rev) VALUES ('*', 1);
-- A row without a household (a time entry on a project) concerns no view.
@postgresql@ CREATE FUNCTION view_rev_bump(s TEXT) RETURNS void LANGUAGE sql AS $$ INSERT INTO view_revision (scope, rev) SELECT s, 1 WHERE s IS NOT NULL ON CONFLICT (scope) DO UPDATE SET rev = view_revision.rev + 1 $$;
@postgresql@ CREATE FUNCTION view_rev_household_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'DELETE' THEN PERFORM view_rev_bump(OLD.id); ELSE PERFORM view_rev_bump(NEW.id); END IF; RETURN NULL; END $$;
@postgresql@ CREATE FUNCTION view_rev_of_household() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'DELETE' THEN PERFORM view_rev_bump(OLD.household_id); ELSE PERFORM view_rev_bump(NEW.household_id); END IF; RETURN NULL; END $$;
@postgresql@ CREATE FUNCTION view_rev_shared() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM view_rev_bump('*'); RETURN NULL; END $$;
@postgresql@ CREATE TRIGGER view_rev_household AFTER INSERT OR UPDATE OR DELETE ON household FOR EACH ROW EXECUTE FUNCTION view_rev_household_row();
@postgresql@ CREATE TRIGGER view_rev_member AFTER INSERT OR UPDATE OR DELETE ON member FOR EACH ROW EXECUTE FUNCTION view_rev_of_household();
@postgresql@ CREATE TRIGGER view_rev_provision AFTER INSERT OR UPDATE OR DELETE ON provision FOR EACH ROW EXECUTE FUNCTION view_rev_of_household();
@postgresql@ CREATE TRIGGER view_rev_measurement AFTER INSERT OR UPDATE OR DELETE ON measurement FOR EACH ROW EXECUTE FUNCTION view_rev_of_household();
@postgresql@ CREATE TRIGGER view_rev_household_plan AFTER INSERT OR UPDATE OR DELETE ON household_plan FOR EACH ROW EXECUTE FUNCTION view_rev_of_household();
@postgresql@ CREATE TRIGGER view_rev_decision AFTER INSERT OR UPDATE OR DELETE ON decision FOR EACH ROW EXECUTE FUNCTION view_rev_of_household();
@postgresql@ CREATE TRIGGER view_rev_round_table AFTER INSERT OR UPDATE OR DELETE ON round_table FOR EACH ROW EXECUTE FUNCTION view_rev_of_household();
@postgresql@ CREATE TRIGGER view_rev_time_entry AFTER INSERT OR UPDATE OR DELETE ON time_entry FOR EACH ROW EXECUTE FUNCTION view_rev_of_household();
@postgresql@ CREATE TRIGGER view_rev_virtual_saving AFTER INSERT OR UPDATE OR DELETE ON virtual_saving FOR EACH ROW EXECUTE FUNCTION view_rev_of_household();
@postgresql@ CREATE TRIGGER view_rev_signal_ack AFTER INSERT OR UPDATE OR DELETE ON signal_ack FOR EACH ROW EXECUTE FUNCTION view_rev_of_household();
@postgresql@ CREATE TRIGGER view_rev_care_map_change AFTER INSERT OR UPDATE OR DELETE ON care_map_change FOR EACH ROW EXECUTE FUNCTION view_rev_of_household();
@postgresql@ CREATE TRIGGER view_rev_wish AFTER INSERT OR UPDATE OR DELETE ON wish FOR EACH ROW EXECUTE FUNCTION view_rev_of_household();
@postgresql@ CREATE TRIGGER view_rev_aftercare_schedule AFTER INSERT OR UPDATE OR DELETE ON aftercare_schedule FOR EACH ROW EXECUTE FUNCTION view_rev_of_household();
@postgresql@ CREATE TRIGGER view_rev_aftercare_contact AFTER INSERT OR UPDATE OR DELETE ON aftercare_contact FOR EACH ROW EXECUTE FUNCTION view_rev_of_household();
@postgresql@ CREATE TRIGGER view_rev_consent AFTER INSERT OR UPDATE OR DELETE ON consent FOR EACH ROW EXECUTE FUNCTION view_rev_of_household();
@postgresql@ CREATE TRIGGER view_rev_erasure AFTER INSERT OR UPDATE OR DELETE ON erasure FOR EACH ROW EXECUTE FUNCTION view_rev_of_household();
@postgresql@ CREATE TRIGGER view_rev_household_assignment AFTER INSERT OR UPDATE OR DELETE ON household_assignment FOR EACH ROW EXECUTE FUNCTION view_rev_of_household();
@postgresql@ CREATE TRIGGER view_rev_interop_warning AFTER INSERT OR UPDATE OR DELETE ON interop_warning FOR EACH ROW EXECUTE FUNCTION view_rev_of_household();
-- Shared data: one bump per statement is enough (and a bulk change costs one).
@postgresql@ CREATE TRIGGER view_rev_setting AFTER INSERT OR UPDATE OR DELETE ON setting FOR EACH STATEMENT EXECUTE FUNCTION view_rev_shared();
@postgresql@ CREATE TRIGGER view_rev_organisation AFTER INSERT OR UPDATE OR DELETE ON organisation FOR EACH STATEMENT EXECUTE FUNCTION view_rev_shared();
@postgresql@ CREATE TRIGGER view_rev_professional AFTER INSERT OR UPDATE OR DELETE ON professional FOR EACH STATEMENT EXECUTE FUNCTION view_rev_shared();
@postgresql@ CREATE TRIGGER view_rev_account AFTER INSERT OR UPDATE OR DELETE ON account FOR EACH STATEMENT EXECUTE FUNCTION view_rev_shared();
@postgresql@ CREATE TRIGGER view_rev_price_list_item AFTER INSERT OR UPDATE OR DELETE ON price_list_item FOR EACH STATEMENT EXECUTE FUNCTION view_rev_shared();
