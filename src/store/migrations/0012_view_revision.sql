-- A revision per household and one for data every view shares, bumped by
-- triggers in the same transaction as any change. The server reuses a
-- rendered household view while both revisions and the day are unchanged, so
-- a view can never be older than the data: every writer (this server, another
-- process, `regie import`) goes through the triggers. SQLite only; on
-- PostgreSQL every view is read afresh (the lines are marked @sqlite3@).
@sqlite3@ CREATE TABLE view_revision (
@sqlite3@   scope TEXT PRIMARY KEY,
@sqlite3@   rev INTEGER NOT NULL
@sqlite3@ );
@sqlite3@ INSERT INTO view_revision (scope, rev) VALUES ('*', 1);
@sqlite3@ CREATE TRIGGER view_rev_household_i AFTER INSERT ON household BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_household_u AFTER UPDATE ON household BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_household_d AFTER DELETE ON household BEGIN INSERT INTO view_revision (scope, rev) VALUES (OLD.id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_member_i AFTER INSERT ON member BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_member_u AFTER UPDATE ON member BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_member_d AFTER DELETE ON member BEGIN INSERT INTO view_revision (scope, rev) VALUES (OLD.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_provision_i AFTER INSERT ON provision BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_provision_u AFTER UPDATE ON provision BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_provision_d AFTER DELETE ON provision BEGIN INSERT INTO view_revision (scope, rev) VALUES (OLD.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_measurement_i AFTER INSERT ON measurement BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_measurement_u AFTER UPDATE ON measurement BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_measurement_d AFTER DELETE ON measurement BEGIN INSERT INTO view_revision (scope, rev) VALUES (OLD.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_household_plan_i AFTER INSERT ON household_plan BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_household_plan_u AFTER UPDATE ON household_plan BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_household_plan_d AFTER DELETE ON household_plan BEGIN INSERT INTO view_revision (scope, rev) VALUES (OLD.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_decision_i AFTER INSERT ON decision BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_decision_u AFTER UPDATE ON decision BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_decision_d AFTER DELETE ON decision BEGIN INSERT INTO view_revision (scope, rev) VALUES (OLD.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_round_table_i AFTER INSERT ON round_table BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_round_table_u AFTER UPDATE ON round_table BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_round_table_d AFTER DELETE ON round_table BEGIN INSERT INTO view_revision (scope, rev) VALUES (OLD.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_time_entry_i AFTER INSERT ON time_entry BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_time_entry_u AFTER UPDATE ON time_entry BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_time_entry_d AFTER DELETE ON time_entry BEGIN INSERT INTO view_revision (scope, rev) VALUES (OLD.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_virtual_saving_i AFTER INSERT ON virtual_saving BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_virtual_saving_u AFTER UPDATE ON virtual_saving BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_virtual_saving_d AFTER DELETE ON virtual_saving BEGIN INSERT INTO view_revision (scope, rev) VALUES (OLD.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_signal_ack_i AFTER INSERT ON signal_ack BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_signal_ack_u AFTER UPDATE ON signal_ack BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_signal_ack_d AFTER DELETE ON signal_ack BEGIN INSERT INTO view_revision (scope, rev) VALUES (OLD.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_care_map_change_i AFTER INSERT ON care_map_change BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_care_map_change_u AFTER UPDATE ON care_map_change BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_care_map_change_d AFTER DELETE ON care_map_change BEGIN INSERT INTO view_revision (scope, rev) VALUES (OLD.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_wish_i AFTER INSERT ON wish BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_wish_u AFTER UPDATE ON wish BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_wish_d AFTER DELETE ON wish BEGIN INSERT INTO view_revision (scope, rev) VALUES (OLD.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_aftercare_schedule_i AFTER INSERT ON aftercare_schedule BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_aftercare_schedule_u AFTER UPDATE ON aftercare_schedule BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_aftercare_schedule_d AFTER DELETE ON aftercare_schedule BEGIN INSERT INTO view_revision (scope, rev) VALUES (OLD.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_aftercare_contact_i AFTER INSERT ON aftercare_contact BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_aftercare_contact_u AFTER UPDATE ON aftercare_contact BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_aftercare_contact_d AFTER DELETE ON aftercare_contact BEGIN INSERT INTO view_revision (scope, rev) VALUES (OLD.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_consent_i AFTER INSERT ON consent BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_consent_u AFTER UPDATE ON consent BEGIN INSERT INTO view_revision (scope, rev) VALUES (NEW.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_consent_d AFTER DELETE ON consent BEGIN INSERT INTO view_revision (scope, rev) VALUES (OLD.household_id, 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_setting_i AFTER INSERT ON setting BEGIN INSERT INTO view_revision (scope, rev) VALUES ('*', 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_setting_u AFTER UPDATE ON setting BEGIN INSERT INTO view_revision (scope, rev) VALUES ('*', 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_setting_d AFTER DELETE ON setting BEGIN INSERT INTO view_revision (scope, rev) VALUES ('*', 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_organisation_i AFTER INSERT ON organisation BEGIN INSERT INTO view_revision (scope, rev) VALUES ('*', 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_organisation_u AFTER UPDATE ON organisation BEGIN INSERT INTO view_revision (scope, rev) VALUES ('*', 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_organisation_d AFTER DELETE ON organisation BEGIN INSERT INTO view_revision (scope, rev) VALUES ('*', 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_professional_i AFTER INSERT ON professional BEGIN INSERT INTO view_revision (scope, rev) VALUES ('*', 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_professional_u AFTER UPDATE ON professional BEGIN INSERT INTO view_revision (scope, rev) VALUES ('*', 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_professional_d AFTER DELETE ON professional BEGIN INSERT INTO view_revision (scope, rev) VALUES ('*', 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_account_i AFTER INSERT ON account BEGIN INSERT INTO view_revision (scope, rev) VALUES ('*', 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_account_u AFTER UPDATE ON account BEGIN INSERT INTO view_revision (scope, rev) VALUES ('*', 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_account_d AFTER DELETE ON account BEGIN INSERT INTO view_revision (scope, rev) VALUES ('*', 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_price_list_item_i AFTER INSERT ON price_list_item BEGIN INSERT INTO view_revision (scope, rev) VALUES ('*', 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_price_list_item_u AFTER UPDATE ON price_list_item BEGIN INSERT INTO view_revision (scope, rev) VALUES ('*', 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
@sqlite3@ CREATE TRIGGER view_rev_price_list_item_d AFTER DELETE ON price_list_item BEGIN INSERT INTO view_revision (scope, rev) VALUES ('*', 1) ON CONFLICT (scope) DO UPDATE SET rev = rev + 1; END;
