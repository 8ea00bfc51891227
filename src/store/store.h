// The store's machinery: the connection pool over SQLite (an embedded file,
// the default) or PostgreSQL (multi-user), both through SOCI; migrations;
// read and write transactions; prepared-statement queries; the audit group
// commit; integrity checks. The records of each area live in its own area
// store (store/<area>_store.h: households, provisions, organisations,
// sessions, accounts, prices, time, settings, plans, ...), each a small class
// over Store::read / Store::write, constructed where it is used:
// `store::HouseholdStore(store).find(id)`.
//
// Every write runs in one transaction: it is stored whole or not at all.
// Methods are safe to call from several threads; each call leases its own
// connection from a small pool. Expected failures (a duplicate id, a missing
// record) come back as Result errors; a broken or unreachable database throws
// store::Unavailable (store/unavailable.h), which the front ends catch once
// at the top of a request or command.
#pragma once
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/costs.h"
#include "domain/audit_event.h"
#include "store/unavailable.h"

namespace soci {
class connection_pool;
class row;
class session;
}

namespace regie::store {

template <class Row>
class GroupCommit;

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

  // Rows in `table`, one of the product's own tables.
  std::size_t count(const std::string& table);

  // Returns once the event is committed; concurrent events share one commit
  // (group commit, store/group_commit.h), so the trail costs one disk sync
  // per batch instead of one per read.
  void append_audit(const domain::AuditEvent& e);

  // What an operator watches (the server's /metrics): the connection pool
  // and the audit trail's group commit.
  struct Stats {
    std::size_t pool_size = 0, pool_in_use = 0;
    std::size_t audit_waiting = 0;
    std::uint64_t audit_commits = 0, audit_rows = 0;
  };
  Stats stats();

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
  // without throwing. A database error in either escapes as Unavailable;
  // an area store that turns a refused statement into a Result error does so
  // inside `fn` (see write_checked in store/rows.h).
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
  std::vector<std::string> applied_migrations_unguarded();
  Result<std::vector<std::string>> migrate_unguarded();
  // SQLite allows one writer at a time; writers of this process queue here
  // instead of in SQLite's busy handler, whose sleeps show up as latency spikes.
  std::unique_lock<std::mutex> write_guard();
  std::mutex write_mu_;
  std::unique_ptr<soci::connection_pool> pool_;
  std::vector<std::unique_ptr<PreparedCache>> prepared_;  // one per pooled connection, used by its leaseholder
  std::unique_ptr<GroupCommit<domain::AuditEvent>> audit_;
  std::size_t pool_size_ = 0;
  std::atomic<std::size_t> in_use_{0};
  std::string backend_;
};

}  // namespace regie::store
