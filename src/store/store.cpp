// The store's machinery for both backends: opening the pool, migrations,
// read and write transactions, prepared queries and the audit group commit.
// The SQL is portable; the few differences (pragmas, migration locking) are
// handled where they arise. The records themselves are in the area stores.
#include <fmt/format.h>
#include <soci/connection-pool.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <libpq-fe.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "common/clock.h"
#include "store/audit_store.h"
#include "store/group_commit.h"
#include "store/migrations.h"
#include "store/rows.h"
#include "store/store.h"

namespace regie::store {
namespace {

using namespace regie::domain;

bool is_postgres_url(const std::string& url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

// libpq accepts URIs, but SOCI's PostgreSQL backend parses its connection
// string as key=value pairs; libpq turns the URI into those pairs for it.
Result<std::string> libpq_keywords(const std::string& uri) {
  char* err = nullptr;
  PQconninfoOption* opts = PQconninfoParse(uri.c_str(), &err);
  if (!opts) {
    std::string why = err ? err : "not a valid postgresql:// URI";
    if (err) PQfreemem(err);
    return invalid("--db: " + why);
  }
  std::string out;
  for (auto* o = opts; o->keyword; ++o) {
    if (!o->val || !*o->val) continue;
    std::string v;
    for (const char* c = o->val; *c; ++c) {
      if (*c == '\\' || *c == '\'') v += '\\';
      v += *c;
    }
    out += fmt::format("{}{}='{}'", out.empty() ? "" : " ", o->keyword, v);
  }
  PQconninfoFree(opts);
  return out;
}

[[noreturn]] void throw_unavailable(const soci::soci_error& e) {
  throw Unavailable(e.what(), e.get_error_message(), is_environment_failure(e));
}

// Runs `f`; a database error escapes as Unavailable.
template <class F>
auto guarded(F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const soci::soci_error& e) {
    throw_unavailable(e);
  }
}

}  // namespace

struct Store::Prepared {
  std::vector<std::string> params;  // bound by reference: filled before each run
  soci::row row;
  std::unique_ptr<soci::statement> statement;
};

struct Store::PreparedCache {
  soci::session* connection = nullptr;
  std::unordered_map<std::string, std::unique_ptr<Prepared>> by_query;
};

Result<std::unique_ptr<Store>> Store::open(const std::string& url) {
  std::unique_ptr<Store> s(new Store());
  std::string connect;
  const soci::backend_factory* factory;
  if (is_postgres_url(url)) {
    s->backend_ = "postgresql";
    factory = &soci::postgresql;
    auto keywords = libpq_keywords(url);
    if (!keywords) return keywords.error();
    connect = *keywords;
    s->pool_size_ = 8;
  } else {
    s->backend_ = "sqlite3";
    factory = &soci::sqlite3;
    // SQLite's memory statistics take one process-wide mutex on every
    // allocation, which made concurrent reads queue (bench/load.sh). It must be
    // switched off before the library initialises, so once, here.
    static const bool quiet_allocator = sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
    (void)quiet_allocator;
    if (url.empty()) return invalid("--db: give a SQLite file path or a postgresql:// URI");
    if (url.find_first_of(" \t\n'\"") != std::string::npos)
      return invalid(fmt::format("--db: the SQLite path must not contain spaces or quotes: {}", url));
    auto parent = std::filesystem::path(url).parent_path();
    if (!parent.empty() && !std::filesystem::is_directory(parent))
      return invalid(fmt::format("--db: the folder {} does not exist", parent.string()));
    connect = "db=" + url + " timeout=10";
    s->pool_size_ = 4;
  }
  s->pool_ = std::make_unique<soci::connection_pool>(s->pool_size_);
  try {
    for (std::size_t i = 0; i < s->pool_size_; ++i) {
      auto& sql = s->pool_->at(i);
      sql.open(*factory, connect);
      if (s->backend_ == "sqlite3") {
        sql << "PRAGMA foreign_keys = ON";
        sql << "PRAGMA journal_mode = WAL";
        sql << "PRAGMA synchronous = FULL";
        sql << "PRAGMA busy_timeout = 10000";
      }
    }
    for (std::size_t i = 0; i < s->pool_size_; ++i) {
      s->prepared_.push_back(std::make_unique<PreparedCache>());
      s->prepared_.back()->connection = &s->pool_->at(i);
    }
  } catch (const std::exception& e) {
    // The driver's message may echo the connection string; keep credentials out.
    std::string why = e.what();
    for (auto pos = why.find(connect); !connect.empty() && pos != std::string::npos; pos = why.find(connect))
      why.replace(pos, connect.size(), "<--db>");
    return Error{ErrorCode::unavailable, fmt::format("cannot open the {} database: {}",
                                                     s->backend_ == "sqlite3" ? "SQLite" : "PostgreSQL", why)};
  }
  Store* self = s.get();
  s->audit_ = std::make_unique<GroupCommit<AuditEvent>>([self](const std::vector<AuditEvent>& events) {
    self->write([&](soci::session& sql) { append_audit_chain(sql, events); });
  });
  return s;
}

Store::~Store() = default;

namespace {
// A pooled connection, held until the end of the scope; the callee gets the
// pooled session itself, so statements prepared on it outlive the lease.
class Lease {
 public:
  Lease(soci::connection_pool& pool, std::atomic<std::size_t>& in_use)
      : pool_(pool), position_(pool.lease()), in_use_(in_use) {
    ++in_use_;
  }
  ~Lease() {
    --in_use_;
    pool_.give_back(position_);
  }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  soci::session& sql() { return pool_.at(position_); }

 private:
  soci::connection_pool& pool_;
  std::size_t position_;
  std::atomic<std::size_t>& in_use_;
};
}  // namespace

void Store::each_row(soci::session& sql, const std::string& query, const std::vector<std::string>& params,
                     const std::function<void(const soci::row&)>& each) {
  PreparedCache* cache = nullptr;
  for (auto& c : prepared_)
    if (c->connection == &sql) cache = c.get();
  if (!cache) throw std::logic_error("each_row: use the session that read() or write() hands out");
  auto& slot = cache->by_query[query];
  if (!slot) {
    auto p = std::make_unique<Prepared>();
    p->params.resize(params.size());
    p->statement = std::make_unique<soci::statement>(sql);
    for (auto& v : p->params) p->statement->exchange(soci::use(v));
    p->statement->exchange(soci::into(p->row));
    p->statement->alloc();
    p->statement->prepare(query);
    p->statement->define_and_bind();
    slot = std::move(p);
  }
  Prepared& p = *slot;
  if (p.params.size() != params.size()) throw std::logic_error("each_row: wrong number of parameters");
  std::copy(params.begin(), params.end(), p.params.begin());
  try {
    for (bool got = p.statement->execute(true); got; got = p.statement->fetch()) each(p.row);
  } catch (...) {
    // A statement left half-way, or one the database refused, is not reused.
    cache->by_query.erase(query);
    throw;
  }
}

void Store::query(const std::string& query, const std::vector<std::string>& params,
                  const std::function<void(const soci::row&)>& each) {
  read([&](soci::session& sql) { each_row(sql, query, params, each); });
}

std::unique_lock<std::mutex> Store::write_guard() {
  if (backend_ == "sqlite3") return std::unique_lock<std::mutex>(write_mu_);
  return {};
}

void Store::read(const std::function<void(soci::session&)>& fn) {
  try {
    Lease lease(*pool_, in_use_);
    fn(lease.sql());
  } catch (const soci::soci_error& e) {
    throw_unavailable(e);
  }
}

void Store::write(const std::function<void(soci::session&)>& fn) {
  try {
    auto write = write_guard();
    Lease lease(*pool_, in_use_);
    soci::transaction tr(lease.sql());
    fn(lease.sql());
    tr.commit();
  } catch (const soci::soci_error& e) {
    throw_unavailable(e);
  }
}

std::vector<std::string> Store::applied_migrations() {
  return guarded([&] { return applied_migrations_unguarded(); });
}

std::vector<std::string> Store::applied_migrations_unguarded() {
  soci::session sql(*pool_);
  std::vector<std::string> out;
  try {
    soci::rowset<soci::row> rs = (sql.prepare << "SELECT name FROM schema_migration ORDER BY name");
    for (auto& r : rs) out.push_back(r.get<std::string>(0));
  } catch (const soci::soci_error& e) {
    rethrow_if_environment(e);
    // No migration table yet: nothing applied.
  }
  return out;
}

bool Store::is_current() {
  auto applied = applied_migrations();
  return applied.size() == embedded_migrations().size();
}

Result<std::vector<std::string>> Store::migrate() {
  return guarded([&] { return migrate_unguarded(); });
}

Result<std::vector<std::string>> Store::migrate_unguarded() {
  soci::session sql(*pool_);
  std::vector<std::string> done;
  // Several servers may start together: serialise migration across processes.
  if (backend_ == "postgresql") sql << "SELECT pg_advisory_lock(727172)";
  try {
    sql << "CREATE TABLE IF NOT EXISTS schema_migration (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)";
    for (auto& m : embedded_migrations()) {
      soci::transaction tr(sql);
      if (backend_ == "sqlite3") {
        // Take the write lock before reading, so two processes cannot both apply it.
        sql << "UPDATE schema_migration SET name = name WHERE 0 = 1";
      }
      int n = 0;
      sql << "SELECT COUNT(*) FROM schema_migration WHERE name = :n", soci::use(m.name), soci::into(n);
      if (n > 0) {
        tr.commit();
        continue;
      }
      for (auto& stmt : migration_statements(m.sql, backend_)) sql << stmt;
      std::string at = SystemClock().now_iso8601();
      sql << "INSERT INTO schema_migration (name, applied_at) VALUES (:n, :a)", soci::use(m.name), soci::use(at);
      tr.commit();
      done.push_back(m.name);
    }
  } catch (const soci::soci_error& e) {
    if (backend_ == "postgresql") sql << "SELECT pg_advisory_unlock(727172)";
    return Error{ErrorCode::internal, fmt::format("migration failed: {}", e.what())};
  }
  if (backend_ == "postgresql") sql << "SELECT pg_advisory_unlock(727172)";
  return done;
}

std::size_t Store::count(const std::string& table) {
  static const std::set<std::string> known = {"organisation",    "professional",   "account",     "household",
                                              "member",          "provision",      "audit_event", "session",
                                              "price_list_item", "virtual_saving", "time_entry"};
  if (!known.contains(table)) throw std::invalid_argument("unknown table " + table);
  long long n = 0;
  read([&](soci::session& sql) { sql << "SELECT COUNT(*) FROM " + table, soci::into(n); });
  return static_cast<std::size_t>(n);
}

void Store::append_audit(const AuditEvent& e) { audit_->append(e); }

Store::Stats Store::stats() {
  const auto audit = audit_->counts();
  return {pool_size_, in_use_.load(), audit.waiting, audit.batches, audit.rows};
}

Status write_checked(Store& store, const std::function<void(soci::session&)>& fn,
                     const std::function<Error(const soci::soci_error&)>& why) {
  struct Refusal {
    Error error;
  };
  try {
    store.write([&](soci::session& sql) {
      try {
        fn(sql);
      } catch (const soci::soci_error& e) {
        rethrow_if_environment(e);
        throw Refusal{why(e)};
      }
    });
  } catch (const Refusal& r) {
    return r.error;
  }
  return ok_status();
}

}  // namespace regie::store
