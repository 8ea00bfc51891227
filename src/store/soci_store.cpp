// SOCI implementation of the store for both backends. The SQL is portable;
// the few differences (pragmas, migration locking) are handled where they arise.
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


std::string ymd(Date d) { return format_date(d); }

}  // namespace

domain::Household household_from(const soci::row& r) {
  domain::Household h;
  h.id = str(r, "id");
  h.family_name = str(r, "family_name");
  h.address = str(r, "address");
  h.postcode = str(r, "postcode");
  h.city = str(r, "city");
  h.neighbourhood = str(r, "neighbourhood");
  h.status = must(parse_household_status(str(r, "status")), "household status");
  h.director = str(r, "director");
  if (auto src = opt_str(r, "referral_source")) {
    Referral ref;
    ref.source = must(parse_referral_source(*src), "referral source");
    ref.reason = str(r, "referral_reason");
    ref.date = must_date(str(r, "referral_date"));
    h.referral = ref;
  }
  h.drop_reason = str(r, "drop_reason");
  h.version = static_cast<int>(i64(r, "version"));
  return h;
}

Provision provision_from(const soci::row& r) {
  Provision p;
  p.id = str(r, "id");
  p.household_id = str(r, "household_id");
  p.member_id = opt_str(r, "member_id");
  p.domain = must(parse_domain(str(r, "domain")), "domain");
  p.provider_id = str(r, "provider_id");
  p.professional_id = opt_str(r, "professional_id");
  p.goal = str(r, "goal");
  p.start = must_date(str(r, "start_date"));
  if (auto e = opt_str(r, "end_date")) p.end = must_date(*e);
  p.hours_per_week_centi = i64(r, "hours_per_week_centi");
  p.annual_cost = i64(r, "annual_cost_cents");
  p.basis = must(parse_cost_basis(str(r, "cost_basis")), "cost basis");
  p.indicated = i64(r, "indicated") != 0;
  p.price_code = opt_str(r, "price_code");
  p.units_per_year_centi = i64(r, "units_per_year_centi");
  p.coaching = i64(r, "coaching") != 0;
  p.version = static_cast<int>(i64(r, "version"));
  return p;
}

void insert_change(soci::session& sql, const CareMapChange& c) {
  std::string provision = c.provision_id.value_or("");
  soci::indicator pi = c.provision_id ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO care_map_change (household_id, provision_id, changed_by, changed_at, change, detail) "
         "VALUES (:h, :p, :b, :a, :c, :d)",
      soci::use(c.household_id), soci::use(provision, pi), soci::use(c.by), soci::use(c.at), soci::use(c.change),
      soci::use(c.detail);
}

void insert_member(soci::session& sql, const Member& m) {
  std::string role(to_string(m.role)), consent(to_string(m.consent));
  sql << "INSERT INTO member (id, household_id, given_name, family_name, role, birth_year, consent_status) "
         "VALUES (:i, :h, :g, :f, :r, :b, :c)",
      soci::use(m.id), soci::use(m.household_id), soci::use(m.given_name), soci::use(m.family_name), soci::use(role),
      soci::use(m.birth_year), soci::use(consent);
}

// A provision's fields as SOCI binds them (NULLs as indicators), shared by insert and update.
struct ProvisionRow {
  explicit ProvisionRow(const Provision& p)
      : member(p.member_id.value_or("")),
        professional(p.professional_id.value_or("")),
        domain(to_string(p.domain)),
        basis(to_string(p.basis)),
        start(ymd(p.start)),
        end(p.end ? ymd(*p.end) : ""),
        price(p.price_code.value_or("")),
        mi(p.member_id ? soci::i_ok : soci::i_null),
        pi(p.professional_id ? soci::i_ok : soci::i_null),
        ei(p.end ? soci::i_ok : soci::i_null),
        ci(p.price_code ? soci::i_ok : soci::i_null),
        hours(p.hours_per_week_centi),
        cost(p.annual_cost),
        units(p.units_per_year_centi),
        indicated(p.indicated ? 1 : 0),
        coaching(p.coaching ? 1 : 0) {}
  std::string member, professional, domain, basis, start, end, price;
  soci::indicator mi, pi, ei, ci;
  long long hours, cost, units;
  int indicated, coaching;
};

void insert_provision(soci::session& sql, const Provision& p) {
  ProvisionRow v(p);
  sql << "INSERT INTO provision (id, household_id, member_id, domain, provider_id, professional_id, goal, "
         "start_date, end_date, hours_per_week_centi, annual_cost_cents, cost_basis, indicated, price_code, "
         "units_per_year_centi, coaching) VALUES (:i, :h, :m, :d, :pv, :pf, :g, :s, :e, :hw, :c, :b, :x, :pc, :u, :co)",
      soci::use(p.id), soci::use(p.household_id), soci::use(v.member, v.mi), soci::use(v.domain),
      soci::use(p.provider_id), soci::use(v.professional, v.pi), soci::use(p.goal), soci::use(v.start),
      soci::use(v.end, v.ei), soci::use(v.hours), soci::use(v.cost), soci::use(v.basis), soci::use(v.indicated),
      soci::use(v.price, v.ci), soci::use(v.units, v.ci), soci::use(v.coaching);
}


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
  explicit Lease(soci::connection_pool& pool) : pool_(pool), position_(pool.lease()) {}
  ~Lease() { pool_.give_back(position_); }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  soci::session& sql() { return pool_.at(position_); }

 private:
  soci::connection_pool& pool_;
  std::size_t position_;
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
  Lease lease(*pool_);
  fn(lease.sql());
}

void Store::write(const std::function<void(soci::session&)>& fn) {
  auto write = write_guard();
  Lease lease(*pool_);
  soci::transaction tr(lease.sql());
  fn(lease.sql());
  tr.commit();
}

std::vector<std::string> Store::applied_migrations() {
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

Status Store::write_bundle(const Bundle& b) {
  auto write = write_guard();
  soci::session sql(*pool_);
  std::string step;
  try {
    soci::transaction tr(sql);
    step = "organisation";
    for (auto& o : b.organisations)
      sql << "INSERT INTO organisation (id, name, kind) VALUES (:id, :n, :k)", soci::use(o.id), soci::use(o.name),
          soci::use(o.kind);
    step = "professional";
    for (auto& p : b.professionals)
      sql << "INSERT INTO professional (id, name, organisation_id, role, phone) VALUES (:i, :n, :o, :r, :p)",
          soci::use(p.id), soci::use(p.name), soci::use(p.organisation_id), soci::use(p.role), soci::use(p.phone);
    step = "account";
    std::string now = SystemClock().now_iso8601();
    for (auto& a : b.accounts) {
      std::string role(to_string(a.role));
      int disabled = a.disabled ? 1 : 0;
      soci::indicator pro_ind = a.professional_id ? soci::i_ok : soci::i_null;
      soci::indicator mem_ind = a.member_id ? soci::i_ok : soci::i_null;
      std::string pro = a.professional_id.value_or(""), mem = a.member_id.value_or("");
      sql << "INSERT INTO account (username, display_name, role, password_hash, disabled, created_at, "
             "professional_id, member_id) VALUES (:u, :d, :r, :h, :x, :c, :p, :m)",
          soci::use(a.username), soci::use(a.display_name), soci::use(role), soci::use(a.password_hash),
          soci::use(disabled), soci::use(now), soci::use(pro, pro_ind), soci::use(mem, mem_ind);
    }
    step = "household";
    for (auto& h : b.households) {
      std::string status(to_string(h.status));
      soci::indicator dir_ind = h.director.empty() ? soci::i_null : soci::i_ok;
      soci::indicator ref_ind = h.referral ? soci::i_ok : soci::i_null;
      std::string src = h.referral ? std::string(to_string(h.referral->source)) : "";
      std::string reason = h.referral ? h.referral->reason : "";
      std::string date = h.referral ? ymd(h.referral->date) : "";
      sql << "INSERT INTO household (id, family_name, address, postcode, city, neighbourhood, status, director, "
             "referral_source, referral_reason, referral_date, drop_reason) "
             "VALUES (:i, :f, :a, :p, :c, :n, :s, :d, :rs, :rr, :rd, :dr)",
          soci::use(h.id), soci::use(h.family_name), soci::use(h.address), soci::use(h.postcode), soci::use(h.city),
          soci::use(h.neighbourhood), soci::use(status), soci::use(h.director, dir_ind), soci::use(src, ref_ind),
          soci::use(reason, ref_ind), soci::use(date, ref_ind), soci::use(h.drop_reason);
    }
    step = "member";
    for (auto& m : b.members) insert_member(sql, m);
    step = "provision";
    for (auto& p : b.provisions) insert_provision(sql, p);
    step = "setting";
    for (auto& [k, v] : b.settings) sql << "INSERT INTO setting (key, value) VALUES (:k, :v)", soci::use(k), soci::use(v);
    tr.commit();
  } catch (const soci::soci_error& e) {
    rethrow_if_environment(e);
    // Constraint violations are the caller's input (duplicate or dangling ids).
    return Error{ErrorCode::conflict, fmt::format("could not store the {} records: {}", step, constraint_reason(e))};
  }
  return ok_status();
}

std::vector<HouseholdSummary> Store::list_households(const std::optional<std::string>& director, Date on) {
  soci::session sql(*pool_);
  std::string day = ymd(on);
  std::string who = director.value_or("");
  int all = director ? 0 : 1;
  soci::rowset<soci::row> rs =
      (sql.prepare << "SELECT h.*, a.display_name AS director_name, "
                      "(SELECT COUNT(*) FROM member m WHERE m.household_id = h.id) AS member_count, "
                      "(SELECT COUNT(*) FROM provision p WHERE p.household_id = h.id AND p.start_date <= :d1 "
                      "   AND (p.end_date IS NULL OR p.end_date >= :d2)) AS provision_count "
                      "FROM household h LEFT JOIN account a ON a.username = h.director "
                      "WHERE (:all1 = 1 OR h.director = :who) ORDER BY h.id",
       soci::use(day, "d1"), soci::use(day, "d2"), soci::use(all, "all1"),
       soci::use(who, "who"));
  std::vector<HouseholdSummary> out;
  for (auto& r : rs) {
    HouseholdSummary s;
    s.household = household_from(r);
    s.director_display_name = str(r, "director_name");
    s.member_count = static_cast<int>(i64(r, "member_count"));
    s.provision_count = static_cast<int>(i64(r, "provision_count"));
    out.push_back(std::move(s));
  }
  return out;
}

std::optional<Household> Store::household(const std::string& id) {
  std::optional<Household> out;
  query("SELECT * FROM household WHERE id = :id", {id}, [&](const soci::row& r) { out = household_from(r); });
  return out;
}

std::vector<Member> Store::members(const std::string& household_id) {
  std::vector<Member> out;
  query("SELECT * FROM member WHERE household_id = :h ORDER BY id", {household_id}, [&](const soci::row& r) {
    Member m;
    m.id = str(r, "id");
    m.household_id = str(r, "household_id");
    m.given_name = str(r, "given_name");
    m.family_name = str(r, "family_name");
    m.role = must(parse_member_role(str(r, "role")), "member role");
    m.birth_year = static_cast<int>(i64(r, "birth_year"));
    m.consent = must(parse_consent_status(str(r, "consent_status")), "consent status");
    m.bsn_sealed = opt_str(r, "bsn_sealed");
    out.push_back(std::move(m));
  });
  return out;
}

std::vector<Provision> Store::provisions(const std::string& household_id) {
  std::vector<Provision> out;
  query("SELECT * FROM provision WHERE household_id = :h ORDER BY id", {household_id},
        [&](const soci::row& r) { out.push_back(provision_from(r)); });
  return out;
}

std::optional<Provision> Store::provision(const std::string& id) {
  soci::session sql(*pool_);
  soci::rowset<soci::row> rs = (sql.prepare << "SELECT * FROM provision WHERE id = :i", soci::use(id));
  for (auto& r : rs) return provision_from(r);
  return std::nullopt;
}

std::optional<Organisation> Store::organisation(const std::string& id) {
  soci::session sql(*pool_);
  soci::rowset<soci::row> rs = (sql.prepare << "SELECT * FROM organisation WHERE id = :i", soci::use(id));
  for (auto& r : rs) return Organisation{str(r, "id"), str(r, "name"), str(r, "kind")};
  return std::nullopt;
}

std::optional<Professional> Store::professional(const std::string& id) {
  soci::session sql(*pool_);
  soci::rowset<soci::row> rs = (sql.prepare << "SELECT * FROM professional WHERE id = :i", soci::use(id));
  for (auto& r : rs)
    return Professional{str(r, "id"), str(r, "name"), str(r, "organisation_id"), str(r, "role"), str(r, "phone")};
  return std::nullopt;
}

std::vector<Organisation> Store::organisations_of_household(const std::string& household_id) {
  std::vector<Organisation> out;
  query("SELECT o.id, o.name, o.kind FROM organisation o WHERE o.id IN "
        "(SELECT provider_id FROM provision WHERE household_id = :h)",
        {household_id},
        [&](const soci::row& r) { out.push_back(Organisation{str(r, "id"), str(r, "name"), str(r, "kind")}); });
  return out;
}

std::vector<Professional> Store::professionals_of_household(const std::string& household_id) {
  std::vector<Professional> out;
  query("SELECT p.id, p.name, p.organisation_id, p.role, p.phone FROM professional p WHERE p.id IN "
        "(SELECT professional_id FROM provision WHERE household_id = :h)",
        {household_id}, [&](const soci::row& r) {
          out.push_back(
              Professional{str(r, "id"), str(r, "name"), str(r, "organisation_id"), str(r, "role"), str(r, "phone")});
        });
  return out;
}

std::size_t Store::count(const std::string& table) {
  static const std::set<std::string> known = {"organisation", "professional", "account",   "household",
                                              "member",       "provision",    "audit_event", "session",
                                              "price_list_item", "virtual_saving", "time_entry"};
  if (!known.contains(table)) throw std::invalid_argument("unknown table " + table);
  soci::session sql(*pool_);
  long long n = 0;
  sql << "SELECT COUNT(*) FROM " + table, soci::into(n);
  return static_cast<std::size_t>(n);
}

namespace {
Account account_from(const soci::row& r) {
  Account a;
  a.username = str(r, "username");
  a.display_name = str(r, "display_name");
  a.role = must(parse_role(str(r, "role")), "role");
  a.password_hash = str(r, "password_hash");
  a.disabled = i64(r, "disabled") != 0;
  a.professional_id = opt_str(r, "professional_id");
  a.member_id = opt_str(r, "member_id");
  return a;
}
}  // namespace

std::optional<Account> Store::account(const std::string& username) {
  soci::session sql(*pool_);
  soci::rowset<soci::row> rs = (sql.prepare << "SELECT * FROM account WHERE username = :u", soci::use(username));
  for (auto& r : rs) return account_from(r);
  return std::nullopt;
}

std::vector<Account> Store::accounts() {
  soci::session sql(*pool_);
  soci::rowset<soci::row> rs = (sql.prepare << "SELECT * FROM account ORDER BY username");
  std::vector<Account> out;
  for (auto& r : rs) out.push_back(account_from(r));
  return out;
}

Status Store::set_password_hash(const std::string& username, const std::string& hash) {
  auto write = write_guard();
  soci::session sql(*pool_);
  soci::statement st = (sql.prepare << "UPDATE account SET password_hash = :h WHERE username = :u", soci::use(hash),
                        soci::use(username));
  st.execute(true);
  if (st.get_affected_rows() == 0) return not_found("no account with that user name");
  return ok_status();
}

Status Store::set_account_disabled(const std::string& username, bool disabled) {
  auto write = write_guard();
  soci::session sql(*pool_);
  soci::transaction tr(sql);
  int flag = disabled ? 1 : 0;
  soci::statement st = (sql.prepare << "UPDATE account SET disabled = :d WHERE username = :u", soci::use(flag),
                        soci::use(username));
  st.execute(true);
  if (st.get_affected_rows() == 0) return not_found("no account with that user name");
  if (disabled) sql << "DELETE FROM session WHERE username = :u", soci::use(username);
  tr.commit();
  return ok_status();
}

std::optional<std::string> Store::setting(const std::string& key) {
  soci::session sql(*pool_);
  soci::rowset<soci::row> rs = (sql.prepare << "SELECT value FROM setting WHERE key = :k", soci::use(key));
  for (auto& r : rs) return r.get<std::string>(0);
  return std::nullopt;
}

std::vector<std::pair<std::string, std::string>> Store::settings_with_prefix(const std::string& prefix) {
  // substr, not LIKE: a prefix may hold '_' or '%', which LIKE would read as wildcards.
  std::vector<std::pair<std::string, std::string>> out;
  query("SELECT key, value FROM setting WHERE substr(key, 1, :n) = :p", {std::to_string(prefix.size()), prefix},
        [&](const soci::row& r) { out.emplace_back(r.get<std::string>(0), r.get<std::string>(1)); });
  return out;
}

void Store::set_setting(const std::string& key, const std::string& value) {
  auto write = write_guard();
  soci::session sql(*pool_);
  soci::transaction tr(sql);
  sql << "DELETE FROM setting WHERE key = :k", soci::use(key);
  sql << "INSERT INTO setting (key, value) VALUES (:k, :v)", soci::use(key), soci::use(value);
  tr.commit();
}

Status Store::add_provision(const Provision& p, const std::optional<CareMapChange>& change) {
  auto write = write_guard();
  soci::session sql(*pool_);
  try {
    soci::transaction tr(sql);
    insert_provision(sql, p);
    if (change) insert_change(sql, *change);
    tr.commit();
  } catch (const soci::soci_error& e) {
    rethrow_if_environment(e);
    return Error{ErrorCode::conflict, fmt::format("the provision could not be stored: {}", constraint_reason(e))};
  }
  return ok_status();
}

Result<int> Store::update_provision(const Provision& p, const CareMapChange& change) {
  auto write = write_guard();
  soci::session sql(*pool_);
  ProvisionRow v(p);
  int version = p.version;
  try {
    soci::transaction tr(sql);
    soci::statement st =
        (sql.prepare << "UPDATE provision SET member_id = :m, domain = :d, provider_id = :pv, professional_id = :pf, "
                        "goal = :g, start_date = :s, end_date = :e, hours_per_week_centi = :hw, "
                        "annual_cost_cents = :c, cost_basis = :b, indicated = :x, price_code = :pc, "
                        "units_per_year_centi = :u, coaching = :co, version = version + 1 "
                        "WHERE id = :i AND household_id = :h AND version = :v",
         soci::use(v.member, v.mi), soci::use(v.domain), soci::use(p.provider_id), soci::use(v.professional, v.pi),
         soci::use(p.goal), soci::use(v.start), soci::use(v.end, v.ei), soci::use(v.hours), soci::use(v.cost),
         soci::use(v.basis), soci::use(v.indicated), soci::use(v.price, v.ci), soci::use(v.units, v.ci),
         soci::use(v.coaching), soci::use(p.id), soci::use(p.household_id), soci::use(version));
    st.execute(true);
    if (st.get_affected_rows() == 0) {
      int current = 0;
      soci::indicator ind = soci::i_null;
      sql << "SELECT version FROM provision WHERE id = :i AND household_id = :h", soci::use(p.id),
          soci::use(p.household_id), soci::into(current, ind);
      if (!sql.got_data()) return not_found("no provision with this id in this household");
      return Error{ErrorCode::conflict,
                   fmt::format("the provision was changed by someone else (now version {}); reload and try again",
                               current)};
    }
    insert_change(sql, change);
    tr.commit();
  } catch (const soci::soci_error& e) {
    rethrow_if_environment(e);
    return Error{ErrorCode::conflict, fmt::format("the provision could not be stored: {}", constraint_reason(e))};
  }
  return p.version + 1;
}

std::vector<CareMapChange> Store::care_map_changes(const std::string& household_id) {
  std::vector<CareMapChange> out;
  query("SELECT * FROM care_map_change WHERE household_id = :h ORDER BY id", {household_id}, [&](const soci::row& r) {
    out.push_back(CareMapChange{i64(r, "id"), str(r, "household_id"), opt_str(r, "provision_id"), str(r, "changed_by"),
                                str(r, "changed_at"), str(r, "change"), str(r, "detail")});
  });
  return out;
}

std::vector<CareMapChangeDay> Store::care_map_change_days(const std::string& household_id) {
  std::vector<CareMapChangeDay> out;
  query("SELECT substr(changed_at, 1, 10) AS day, provision_id, changed_by, change, COUNT(*) AS n, MAX(id) AS last "
        "FROM care_map_change WHERE household_id = :h "
        "GROUP BY substr(changed_at, 1, 10), provision_id, changed_by, change ORDER BY last",
        {household_id}, [&](const soci::row& r) {
          out.push_back(CareMapChangeDay{str(r, "day"), opt_str(r, "provision_id"), str(r, "changed_by"),
                                         str(r, "change"), static_cast<int>(i64(r, "n"))});
        });
  return out;
}

Store::PlanState Store::plan_state(const std::string& household_id) {
  PlanState st;
  query("SELECT COUNT(*) AS active, COUNT(agreed_at) AS agreed FROM household_plan "
        "WHERE household_id = :h AND status = 'active'",
        {household_id}, [&](const soci::row& r) {
          st.active = static_cast<int>(i64(r, "active"));
          st.agreed = i64(r, "agreed") > 0;
        });
  return st;
}

Result<int> Store::set_household_status(const std::string& id, HouseholdStatus status, const std::string& drop_reason,
                                        int version) {
  auto write = write_guard();
  soci::session sql(*pool_);
  std::string code(to_string(status));
  soci::statement st = (sql.prepare << "UPDATE household SET status = :s, drop_reason = :r, version = version + 1 "
                                       "WHERE id = :i AND version = :v",
                        soci::use(code), soci::use(drop_reason), soci::use(id), soci::use(version));
  st.execute(true);
  if (st.get_affected_rows() == 0) {
    if (!household(id)) return not_found("no household with this id");
    return Error{ErrorCode::conflict, "the household was changed by someone else; reload and try again"};
  }
  return version + 1;
}

Status Store::add_member(const Member& m) {
  auto write = write_guard();
  soci::session sql(*pool_);
  try {
    insert_member(sql, m);
  } catch (const soci::soci_error& e) {
    rethrow_if_environment(e);
    return Error{ErrorCode::conflict, "the member could not be stored (unknown household or duplicate id)"};
  }
  return ok_status();
}

Status Store::set_member_bsn(const std::string& member_id, const std::string& sealed) {
  auto write = write_guard();
  soci::session sql(*pool_);
  soci::statement st = (sql.prepare << "UPDATE member SET bsn_sealed = :b, version = version + 1 WHERE id = :i",
                        soci::use(sealed), soci::use(member_id));
  st.execute(true);
  if (st.get_affected_rows() == 0) return not_found("no member with this id");
  return ok_status();
}

std::vector<Organisation> Store::organisations() {
  soci::session sql(*pool_);
  soci::rowset<soci::row> rs = (sql.prepare << "SELECT * FROM organisation ORDER BY name, id");
  std::vector<Organisation> out;
  for (auto& r : rs) out.push_back(Organisation{str(r, "id"), str(r, "name"), str(r, "kind")});
  return out;
}

std::vector<Professional> Store::professionals() {
  soci::session sql(*pool_);
  soci::rowset<soci::row> rs = (sql.prepare << "SELECT * FROM professional ORDER BY name, id");
  std::vector<Professional> out;
  for (auto& r : rs)
    out.push_back(Professional{str(r, "id"), str(r, "name"), str(r, "organisation_id"), str(r, "role"), str(r, "phone")});
  return out;
}

Status Store::add_professional(const Professional& p) {
  auto write = write_guard();
  soci::session sql(*pool_);
  try {
    sql << "INSERT INTO professional (id, name, organisation_id, role, phone) VALUES (:i, :n, :o, :r, :p)",
        soci::use(p.id), soci::use(p.name), soci::use(p.organisation_id), soci::use(p.role), soci::use(p.phone);
  } catch (const soci::soci_error& e) {
    rethrow_if_environment(e);
    return Error{ErrorCode::conflict, "the professional could not be stored (unknown organisation or duplicate id)"};
  }
  return ok_status();
}

std::vector<Store::TimelineRecord> Store::timeline_records(const std::string& household_id) {
  soci::session sql(*pool_);
  std::vector<TimelineRecord> out;
  {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT measured_on, instrument, moment, member_id FROM measurement WHERE household_id = :h",
         soci::use(household_id));
    for (auto& r : rs)
      out.push_back({str(r, "measured_on"), "measurement",
                     str(r, "instrument") + " " + str(r, "moment") + " " + str(r, "member_id")});
  }
  {
    soci::rowset<soci::row> rs = (sql.prepare << "SELECT effective_date, kind, reason FROM decision "
                                                 "WHERE household_id = :h",
                                  soci::use(household_id));
    for (auto& r : rs) out.push_back({str(r, "effective_date"), "decision", str(r, "kind") + ": " + str(r, "reason")});
  }
  {
    soci::rowset<soci::row> rs = (sql.prepare << "SELECT scheduled_at, created_at, title, status FROM round_table "
                                                 "WHERE household_id = :h",
                                  soci::use(household_id));
    for (auto& r : rs) {
      auto at = opt_str(r, "scheduled_at");
      auto title = str(r, "title");
      if (at)
        out.push_back({at->substr(0, 10), "round_table", title});
      else if (!str(r, "created_at").empty())
        out.push_back({str(r, "created_at").substr(0, 10), "round_table_planned", title});
    }
  }
  {
    soci::rowset<soci::row> rs = (sql.prepare << "SELECT plan_version, created_at, agreed_at FROM household_plan "
                                                 "WHERE household_id = :h",
                                  soci::use(household_id));
    for (auto& r : rs) {
      auto v = "v" + std::to_string(i64(r, "plan_version"));
      out.push_back({str(r, "created_at").substr(0, 10), "plan_version", v});
      if (auto agreed = opt_str(r, "agreed_at")) out.push_back({*agreed, "plan_agreed", v});
    }
  }
  {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT start_date, interval_months FROM aftercare_schedule WHERE household_id = :h",
         soci::use(household_id));
    for (auto& r : rs)
      out.push_back({str(r, "start_date"), "aftercare_started", std::to_string(i64(r, "interval_months"))});
  }
  {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT contacted_on FROM aftercare_contact WHERE household_id = :h", soci::use(household_id));
    for (auto& r : rs) out.push_back({str(r, "contacted_on"), "aftercare_contact", ""});
  }
  return out;
}

Status Store::add_signal_ack(const SignalAck& a) {
  auto write = write_guard();
  soci::session sql(*pool_);
  try {
    sql << "INSERT INTO signal_ack (household_id, signal, note, acknowledged_by, acknowledged_at) "
           "VALUES (:h, :s, :n, :b, :a)",
        soci::use(a.household_id), soci::use(a.signal), soci::use(a.note), soci::use(a.by), soci::use(a.at);
  } catch (const soci::soci_error& e) {
    rethrow_if_environment(e);
    return Error{ErrorCode::conflict, fmt::format("the acknowledgement could not be stored: {}", constraint_reason(e))};
  }
  return ok_status();
}

std::vector<SignalAck> Store::signal_acks(const std::string& household_id) {
  soci::session sql(*pool_);
  soci::rowset<soci::row> rs =
      (sql.prepare << "SELECT * FROM signal_ack WHERE household_id = :h ORDER BY id", soci::use(household_id));
  std::vector<SignalAck> out;
  for (auto& r : rs)
    out.push_back(SignalAck{i64(r, "id"), str(r, "household_id"), str(r, "signal"), str(r, "note"),
                            str(r, "acknowledged_by"), str(r, "acknowledged_at")});
  return out;
}

PriceList Store::price_list() {
  std::vector<PriceItem> items;
  query("SELECT * FROM price_list_item ORDER BY code, valid_from", {}, [&](const soci::row& r) {
    items.push_back(PriceItem{str(r, "code"), str(r, "name"), must(parse_price_unit(str(r, "unit")), "price unit"),
                              i64(r, "amount_cents"), must_date(str(r, "valid_from"))});
  });
  return PriceList(std::move(items));
}

Status Store::add_price_item(const PriceItem& item, const std::string& by) {
  auto write = write_guard();
  soci::session sql(*pool_);
  std::string unit(to_string(item.unit)), from = ymd(item.valid_from), at = SystemClock().now_iso8601();
  long long amount = item.amount;
  try {
    sql << "INSERT INTO price_list_item (code, name, unit, amount_cents, valid_from, created_by, created_at) "
           "VALUES (:c, :n, :u, :a, :f, :b, :t)",
        soci::use(item.code), soci::use(item.name), soci::use(unit), soci::use(amount), soci::use(from), soci::use(by),
        soci::use(at);
  } catch (const soci::soci_error& e) {
    rethrow_if_environment(e);
    return Error{ErrorCode::conflict,
                 fmt::format("price list item {} already has a version valid from {}", item.code, from)};
  }
  return ok_status();
}

Result<std::int64_t> Store::add_virtual_saving(const VirtualSaving& v) {
  auto write = write_guard();
  soci::session sql(*pool_);
  std::string kind(to_string(v.kind)), on = ymd(v.recorded_on);
  long long amount = v.amount, id = 0;
  try {
    sql << "INSERT INTO virtual_saving (household_id, kind, amount_cents, note, recorded_by, recorded_on) "
           "VALUES (:h, :k, :a, :n, :b, :o) RETURNING id",
        soci::use(v.household_id), soci::use(kind), soci::use(amount), soci::use(v.note), soci::use(v.recorded_by),
        soci::use(on), soci::into(id);
  } catch (const soci::soci_error& e) {
    rethrow_if_environment(e);
    return Error{ErrorCode::conflict, fmt::format("the virtual saving could not be stored: {}", constraint_reason(e))};
  }
  return static_cast<std::int64_t>(id);
}

std::vector<VirtualSaving> Store::virtual_savings(const std::string& household_id) {
  soci::session sql(*pool_);
  soci::rowset<soci::row> rs =
      (sql.prepare << "SELECT * FROM virtual_saving WHERE household_id = :h ORDER BY id", soci::use(household_id));
  std::vector<VirtualSaving> out;
  for (auto& r : rs)
    out.push_back(VirtualSaving{i64(r, "id"), str(r, "household_id"),
                                must(parse_virtual_saving_kind(str(r, "kind")), "saving kind"), i64(r, "amount_cents"),
                                str(r, "note"), str(r, "recorded_by"), must_date(str(r, "recorded_on"))});
  return out;
}

Result<std::int64_t> Store::add_time_entry(const TimeEntry& t) {
  auto write = write_guard();
  soci::session sql(*pool_);
  std::string kind(to_string(t.kind)), date = ymd(t.date), household = t.household_id.value_or("");
  soci::indicator hi = t.household_id ? soci::i_ok : soci::i_null;
  long long id = 0;
  try {
    sql << "INSERT INTO time_entry (household_id, director, entry_date, minutes, kind) "
           "VALUES (:h, :d, :e, :m, :k) RETURNING id",
        soci::use(household, hi), soci::use(t.director), soci::use(date), soci::use(t.minutes), soci::use(kind),
        soci::into(id);
  } catch (const soci::soci_error& e) {
    rethrow_if_environment(e);
    return Error{ErrorCode::conflict, fmt::format("the time entry could not be stored: {}", constraint_reason(e))};
  }
  return static_cast<std::int64_t>(id);
}

std::vector<TimeEntry> Store::time_entries(const std::optional<std::string>& director,
                                           const std::optional<std::string>& household_id, Date from, Date to) {
  soci::session sql(*pool_);
  std::string d = director.value_or(""), h = household_id.value_or(""), f = ymd(from), t = ymd(to);
  int any_d = director ? 0 : 1, any_h = household_id ? 0 : 1;
  soci::rowset<soci::row> rs =
      (sql.prepare << "SELECT * FROM time_entry WHERE (:ad = 1 OR director = :d) AND (:ah = 1 OR household_id = :h) "
                      "AND entry_date >= :f AND entry_date <= :t ORDER BY entry_date, id",
       soci::use(any_d, "ad"), soci::use(d, "d"), soci::use(any_h, "ah"), soci::use(h, "h"), soci::use(f, "f"),
       soci::use(t, "t"));
  std::vector<TimeEntry> out;
  for (auto& r : rs)
    out.push_back(TimeEntry{i64(r, "id"), opt_str(r, "household_id"), str(r, "director"),
                            must_date(str(r, "entry_date")), static_cast<int>(i64(r, "minutes")),
                            must(parse_time_kind(str(r, "kind")), "time kind")});
  return out;
}

Status Store::create_session(const std::string& token_hash, const SessionRecord& s) {
  auto write = write_guard();
  soci::session sql(*pool_);
  long long created = s.created_at, seen = s.last_seen_at;
  sql << "INSERT INTO session (token_hash, username, csrf_token, created_at, last_seen_at) "
         "VALUES (:t, :u, :c, :a, :b)",
      soci::use(token_hash), soci::use(s.username), soci::use(s.csrf_token), soci::use(created), soci::use(seen);
  return ok_status();
}

std::optional<SessionRecord> Store::session(const std::string& token_hash) {
  std::optional<SessionRecord> out;
  query("SELECT s.username AS session_user, s.csrf_token, s.created_at AS session_created, s.last_seen_at, "
        "a.username, a.display_name, a.role, a.password_hash, a.disabled, a.professional_id, a.member_id "
        "FROM session s LEFT JOIN account a ON a.username = s.username WHERE s.token_hash = :t",
        {token_hash}, [&](const soci::row& r) {
          out = SessionRecord{str(r, "session_user"), str(r, "csrf_token"), i64(r, "session_created"),
                              i64(r, "last_seen_at"), {}};
          if (r.get_indicator("username") != soci::i_null) out->account = account_from(r);
        });
  return out;
}

void Store::touch_session(const std::string& token_hash, std::int64_t now) {
  auto write = write_guard();
  soci::session sql(*pool_);
  long long n = now;
  sql << "UPDATE session SET last_seen_at = :n WHERE token_hash = :t", soci::use(n), soci::use(token_hash);
}

void Store::delete_session(const std::string& token_hash) {
  auto write = write_guard();
  soci::session sql(*pool_);
  sql << "DELETE FROM session WHERE token_hash = :t", soci::use(token_hash);
}

void Store::delete_sessions_of(const std::string& username) {
  auto write = write_guard();
  soci::session sql(*pool_);
  sql << "DELETE FROM session WHERE username = :u", soci::use(username);
}

void Store::append_audit(const AuditEvent& e) { audit_->append(e); }

std::vector<AuditEvent> Store::audit_events(const std::optional<std::string>& subject, int limit) {
  soci::session sql(*pool_);
  std::string s = subject.value_or("");
  int all = subject ? 0 : 1;
  soci::rowset<soci::row> rs = (sql.prepare << "SELECT * FROM audit_event WHERE (:all1 = 1 OR subject = :s) "
                                               "ORDER BY id DESC LIMIT :lim",
                                soci::use(all, "all1"), soci::use(s, "s"), soci::use(limit, "lim"));
  std::vector<AuditEvent> out;
  for (auto& r : rs)
    out.push_back(AuditEvent{i64(r, "id"), str(r, "at"), str(r, "actor"), str(r, "action"), str(r, "subject"),
                             str(r, "outcome"), str(r, "detail")});
  return out;
}

}  // namespace regie::store
