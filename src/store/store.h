// The store: Regie's persistent state behind one interface, on SQLite (an
// embedded file, the default) or PostgreSQL (multi-user), both through SOCI.
//
// Every write runs in one transaction: it is stored whole or not at all.
// Methods are safe to call from several threads; each call leases its own
// connection from a small pool. Expected failures (a duplicate id, a missing
// record) come back as Result errors; a broken database throws soci_error,
// which the front ends catch once at the top of a request or command.
#pragma once
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/costs.h"
#include "domain/model.h"

namespace soci {
class connection_pool;
class row;
class session;
}

namespace regie::store {

template <class Row>
class GroupCommit;

struct HouseholdSummary {
  domain::Household household;
  std::string director_display_name;
  int member_count = 0;
  int provision_count = 0;  // active on the requested date
  // Of the provisions active on the requested date; filled by the service
  // layer (domain::cost_snapshot), which also sets cost_out_of_range when a
  // provision's stored figure is beyond the maxima and so counted as 0.
  Cents annual_cost = 0;
  bool cost_out_of_range = false;
  std::vector<std::string> signals;  // filled by the service layer: codes of raised stacking signals
};

// A set of records written together, all or nothing (demo data, imports).
struct Bundle {
  std::vector<domain::Organisation> organisations;
  std::vector<domain::Professional> professionals;
  std::vector<domain::Account> accounts;
  std::vector<domain::Household> households;
  std::vector<domain::Member> members;
  std::vector<domain::Provision> provisions;
  std::vector<std::pair<std::string, std::string>> settings;
};

struct SessionRecord {
  std::string username;
  std::string csrf_token;
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;
  // Filled by Store::session, in the same statement: every request checks
  // both, and one statement instead of two is a tenth of a household view.
  std::optional<domain::Account> account;  // none when the account is gone
};

class Store {
 public:
  // `url` is a SQLite file path or a postgresql:// URI. Opening does not
  // migrate; call migrate() (the server and `regie db migrate` do).
  static Result<std::unique_ptr<Store>> open(const std::string& url);
  ~Store();

  const std::string& backend() const { return backend_; }  // "sqlite3" or "postgresql"

  // Applies the migrations not yet applied, each in its own transaction, and
  // returns their names. Safe when several processes start at once.
  Result<std::vector<std::string>> migrate();
  std::vector<std::string> applied_migrations();
  // True when the schema has every migration this binary knows.
  bool is_current();

  Status write_bundle(const Bundle& bundle);

  std::vector<HouseholdSummary> list_households(const std::optional<std::string>& director, Date on);
  std::optional<domain::Household> household(const std::string& id);
  std::vector<domain::Member> members(const std::string& household_id);
  std::vector<domain::Provision> provisions(const std::string& household_id);
  std::optional<domain::Organisation> organisation(const std::string& id);
  std::optional<domain::Professional> professional(const std::string& id);
  // The providers and professionals named on a household's provisions, one
  // statement each (the household view needs them all).
  std::vector<domain::Organisation> organisations_of_household(const std::string& household_id);
  std::vector<domain::Professional> professionals_of_household(const std::string& household_id);
  std::size_t count(const std::string& table);

  std::optional<domain::Account> account(const std::string& username);
  std::vector<domain::Account> accounts();
  Status set_password_hash(const std::string& username, const std::string& hash);
  // Disabling also ends every session of the account, in the same transaction.
  Status set_account_disabled(const std::string& username, bool disabled);

  std::optional<std::string> setting(const std::string& key);
  // Every setting whose key starts with `prefix`, in one statement.
  std::vector<std::pair<std::string, std::string>> settings_with_prefix(const std::string& prefix);
  void set_setting(const std::string& key, const std::string& value);

  // Care map: one provision, checked against the foreign keys and constraints.
  // `change` (when given) is written to the history in the same transaction.
  Status add_provision(const domain::Provision& p, const std::optional<domain::CareMapChange>& change = {});
  // Replaces a provision if it still has `p.version`; the stored version then
  // goes up by one. A stale version is a conflict whose message names the
  // current version; an unknown id is not_found.
  Result<int> update_provision(const domain::Provision& p, const domain::CareMapChange& change);
  std::optional<domain::Provision> provision(const std::string& id);
  std::vector<domain::CareMapChange> care_map_changes(const std::string& household_id);
  // The same, taken together per day, provision, person and kind of change;
  // in the order of each group's latest change.
  std::vector<domain::CareMapChangeDay> care_map_change_days(const std::string& household_id);
  // Measurements, mandate decisions, round tables, plan versions and their
  // agreement, and aftercare of a household, for its timeline: (date, kind,
  // detail), in no particular order.
  struct TimelineRecord {
    std::string date, kind, detail;
  };
  std::vector<TimelineRecord> timeline_records(const std::string& household_id);

  // Household plans in force (status 'active') and whether one of them is agreed.
  struct PlanState {
    int active = 0;
    bool agreed = false;
  };
  PlanState plan_state(const std::string& household_id);

  // Moves a household to `status` if it still has `version`; returns the new version.
  Result<int> set_household_status(const std::string& id, domain::HouseholdStatus status,
                                   const std::string& drop_reason, int version);
  Status set_member_bsn(const std::string& member_id, const std::string& sealed);
  Status add_member(const domain::Member& m);

  std::vector<domain::Organisation> organisations();
  std::vector<domain::Professional> professionals();
  Status add_professional(const domain::Professional& p);

  Status add_signal_ack(const domain::SignalAck& ack);
  std::vector<domain::SignalAck> signal_acks(const std::string& household_id);

  // The social price list, every version. Adding a version with the same code
  // and valid_from as an existing one is a conflict.
  domain::PriceList price_list();
  Status add_price_item(const domain::PriceItem& item, const std::string& by);

  Result<std::int64_t> add_virtual_saving(const domain::VirtualSaving& v);
  std::vector<domain::VirtualSaving> virtual_savings(const std::string& household_id);

  Result<std::int64_t> add_time_entry(const domain::TimeEntry& t);
  // Entries of one director, or of one household, with from <= date <= to.
  std::vector<domain::TimeEntry> time_entries(const std::optional<std::string>& director,
                                              const std::optional<std::string>& household_id, Date from, Date to);

  Status create_session(const std::string& token_hash, const SessionRecord& s);
  std::optional<SessionRecord> session(const std::string& token_hash);  // with its account
  void touch_session(const std::string& token_hash, std::int64_t now);
  void delete_session(const std::string& token_hash);
  void delete_sessions_of(const std::string& username);

  // Returns once the event is committed; concurrent events share one commit
  // (group commit, store/group_commit.h), so the trail costs one disk sync
  // per batch instead of one per read.
  void append_audit(const domain::AuditEvent& e);
  std::vector<domain::AuditEvent> audit_events(const std::optional<std::string>& subject, int limit);

  // Every problem found, one per line, in an internal error; ok when none.
  // SQLite: PRAGMA integrity_check and foreign_key_check. PostgreSQL: amcheck
  // on every B-tree index of the schema (its absence is a problem, not a
  // pass), every foreign key re-checked by an anti-join, every CHECK
  // constraint re-evaluated. Both: the audit chain, as `regie audit verify`.
  // See store/integrity.cpp.
  Status check_integrity();

  // For the area stores (store/<area>_store.cpp) that keep their SQL next to
  // their records. read() leases a connection; write() also takes the write
  // guard and runs `fn` in one transaction, committed only when `fn` returns
  // without throwing. soci_error escapes both, as from every other method.
  void read(const std::function<void(soci::session&)>& fn);
  void write(const std::function<void(soci::session&)>& fn);

  // Runs `query` with text parameters bound in order and calls `each` for
  // every row, on a statement kept prepared on this pooled connection:
  // SQLite parses a statement anew each time otherwise, and on a household
  // view that was a fifth of the work. `sql` must come from read() or write().
  void each_row(soci::session& sql, const std::string& query, const std::vector<std::string>& params,
                const std::function<void(const soci::row&)>& each);
  // read() and each_row() together, for a query on its own.
  void query(const std::string& query, const std::vector<std::string>& params,
             const std::function<void(const soci::row&)>& each);

 private:
  struct Prepared;
  struct PreparedCache;
  Store() = default;
  // SQLite allows one writer at a time; writers of this process queue here
  // instead of in SQLite's busy handler, whose sleeps show up as latency spikes.
  std::unique_lock<std::mutex> write_guard();
  std::mutex write_mu_;
  std::unique_ptr<soci::connection_pool> pool_;
  std::vector<std::unique_ptr<PreparedCache>> prepared_;  // one per pooled connection, used by its leaseholder
  std::unique_ptr<GroupCommit<domain::AuditEvent>> audit_;
  std::size_t pool_size_ = 0;
  std::string backend_;
};

}  // namespace regie::store
