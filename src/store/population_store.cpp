// SQLite is read through its own API: SOCI's bulk fetch copies every cell
// into a freshly allocated buffer and converts numbers through text, which
// made the store path six times slower than reading the export file.
// PostgreSQL is read through a cursor, so that the server hands the rows
// over a batch at a time instead of the client holding the whole result.
#include "store/population_store.h"

#include <fmt/format.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <array>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace regie::store {
namespace {

namespace sq = sqlite_api;

constexpr std::size_t kBatch = 1024;
// No join: the analyses have the household list (with neighbourhoods)
// already, and a lookup per row in the household table was a third of the read.
constexpr const char* kColumns =
    "id, household_id, member_id, domain, provider_id, start_date, end_date, price_code, "
    "COALESCE(annual_cost_cents, 0), COALESCE(units_per_year_centi, 0)";
constexpr const char* kFrom = " FROM provision";
constexpr int kSqliteParts = 2;

// Text columns of a batch copied into one buffer, turned into views once the
// buffer no longer moves.
struct TextBatch {
  static constexpr int kText = 8;
  std::string buffer;
  std::vector<std::array<std::pair<std::uint32_t, std::uint32_t>, kText>> spans;
  std::vector<ProvisionView> views;
  void clear() {
    buffer.clear();
    spans.clear();
    views.clear();
  }
  std::pair<std::uint32_t, std::uint32_t> add(std::string_view text) {
    auto at = static_cast<std::uint32_t>(buffer.size());
    buffer.append(text);
    return {at, static_cast<std::uint32_t>(text.size())};
  }
  void finish() {
    for (std::size_t i = 0; i < views.size(); ++i) {
      auto v = [&](int c) { return std::string_view(buffer).substr(spans[i][c].first, spans[i][c].second); };
      auto& r = views[i];
      r.id = v(0), r.household_id = v(1), r.member_id = v(2), r.domain = v(3);
      r.provider_id = v(4), r.start_date = v(5), r.end_date = v(6), r.price_code = v(7);
    }
  }
};

// A read-only connection of the scan's own to the store's file, without
// SQLite's per-call locking (a pooled connection may be used by any thread,
// so it locks on every column read: over half of the read's time). Null for
// a database without a file.
struct OwnConnection {
  sq::sqlite3* db = nullptr;
  explicit OwnConnection(const std::string& file) {
    if (file.empty()) return;
    if (sq::sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
      sq::sqlite3_close(db);
      db = nullptr;
      return;
    }
    sq::sqlite3_busy_timeout(db, 10000);
  }
  ~OwnConnection() {
    if (db) sq::sqlite3_close(db);
  }
};

std::string file_of(soci::session& sql) {
  auto* db = static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_;
  const char* f = sq::sqlite3_db_filename(db, "main");
  return f ? f : "";
}

// One prepared statement on a raw SQLite connection, finalised however it is left.
class Statement {
 public:
  Statement(sq::sqlite3* db, const std::string& q) : db_(db) {
    if (sq::sqlite3_prepare_v2(db, q.c_str(), -1, &st_, nullptr) != SQLITE_OK) fail();
  }
  ~Statement() { sq::sqlite3_finalize(st_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  void bind(long long from, long long to) {
    sq::sqlite3_bind_int64(st_, 1, from);
    sq::sqlite3_bind_int64(st_, 2, to);
  }
  // The next row; false at the end.
  bool step() {
    const int rc = sq::sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) fail();
    return false;
  }
  std::string_view text(int c) const {
    auto* p = reinterpret_cast<const char*>(sq::sqlite3_column_text(st_, c));
    return p ? std::string_view(p, static_cast<std::size_t>(sq::sqlite3_column_bytes(st_, c))) : std::string_view{};
  }
  bool null(int c) const { return sq::sqlite3_column_type(st_, c) == SQLITE_NULL; }
  long long integer(int c) const { return sq::sqlite3_column_int64(st_, c); }

 private:
  [[noreturn]] void fail() { throw soci::soci_error(std::string("population read: ") + sq::sqlite3_errmsg(db_)); }
  sq::sqlite3* db_;
  sq::sqlite3_stmt* st_ = nullptr;
};

// The provisions with rowid in [from, to] (both included).
void sqlite_provisions(sq::sqlite3* db, long long from, long long to,
                       const std::function<void(const ProvisionView*, std::size_t)>& fn) {
  Statement st(db, std::string("SELECT ") + kColumns + kFrom + " WHERE rowid BETWEEN ?1 AND ?2");
  st.bind(from, to);
  TextBatch b;
  auto flush = [&] {
    b.finish();
    if (!b.views.empty()) fn(b.views.data(), b.views.size());
    b.clear();
  };
  while (st.step()) {
    auto& spans = b.spans.emplace_back();
    for (int c = 0; c < TextBatch::kText; ++c) spans[c] = b.add(st.text(c));
    ProvisionView& v = b.views.emplace_back();
    v.has_member = !st.null(2);
    v.has_end = !st.null(6);
    v.has_price = !st.null(7);
    v.annual_cost_cents = st.integer(8);
    v.units_per_year_centi = st.integer(9);
    if (b.views.size() == kBatch) flush();
  }
  flush();
}

void cursor_provisions(soci::session& sql, const std::function<void(const ProvisionView*, std::size_t)>& fn) {
  soci::transaction tx(sql);
  sql << std::string("DECLARE regie_population NO SCROLL CURSOR FOR SELECT ") + kColumns + kFrom;
  std::array<std::vector<std::string>, TextBatch::kText> text;
  std::vector<soci::indicator> member(kBatch), end(kBatch), price(kBatch);
  std::vector<long long> cost(kBatch), units(kBatch);
  for (auto& t : text) t.resize(kBatch);
  soci::statement st = (sql.prepare << "FETCH " + std::to_string(kBatch) + " FROM regie_population",
                        soci::into(text[0]), soci::into(text[1]), soci::into(text[2], member), soci::into(text[3]),
                        soci::into(text[4]), soci::into(text[5]), soci::into(text[6], end),
                        soci::into(text[7], price), soci::into(cost), soci::into(units));
  std::vector<ProvisionView> views;
  for (;;) {
    for (auto& t : text) t.resize(kBatch);
    member.resize(kBatch), end.resize(kBatch), price.resize(kBatch), cost.resize(kBatch), units.resize(kBatch);
    if (!st.execute(true) || text[0].empty()) break;
    views.assign(text[0].size(), {});
    for (std::size_t i = 0; i < views.size(); ++i) {
      auto& v = views[i];
      v.id = text[0][i], v.household_id = text[1][i], v.member_id = text[2][i], v.domain = text[3][i];
      v.provider_id = text[4][i], v.start_date = text[5][i], v.end_date = text[6][i], v.price_code = text[7][i];
      v.has_member = member[i] != soci::i_null, v.has_end = end[i] != soci::i_null, v.has_price = price[i] != soci::i_null;
      v.annual_cost_cents = cost[i], v.units_per_year_centi = units[i];
    }
    fn(views.data(), views.size());
    if (views.size() < kBatch) break;
  }
  sql << "CLOSE regie_population";
  tx.commit();
}

}  // namespace

std::size_t PopulationStore::household_count() {
  long long n = 0;
  store_.read([&](soci::session& sql) { sql << "SELECT COUNT(*) FROM household", soci::into(n); });
  return static_cast<std::size_t>(n);
}

void PopulationStore::households(const std::function<void(std::string_view, std::string_view)>& fn) {
  bool sqlite = false;
  store_.read([&](soci::session& sql) {
    if (sql.get_backend_name() == "sqlite3") {
      sqlite = true;
      return;
    }
    std::vector<std::string> ids(kBatch), neighbourhoods(kBatch);
    soci::statement st = (sql.prepare << "SELECT id, neighbourhood FROM household ORDER BY id", soci::into(ids),
                          soci::into(neighbourhoods));
    st.execute();
    while (st.fetch()) {
      for (std::size_t i = 0; i < ids.size(); ++i) fn(ids[i], neighbourhoods[i]);
      ids.resize(kBatch);
      neighbourhoods.resize(kBatch);
    }
  });
  if (!sqlite) return;
  // One connection of its own: the list is interned in order as it is read,
  // which is the larger part of the work (reading it on two connections at
  // once into buffers was no faster).
  std::string file;
  store_.read([&](soci::session& sql) { file = file_of(sql); });
  auto read = [&](sq::sqlite3* db) {
    Statement st(db, "SELECT id, neighbourhood FROM household");
    while (st.step()) fn(st.text(0), st.text(1));
  };
  OwnConnection own(file);
  if (own.db)
    read(own.db);
  else
    store_.read([&](soci::session& sql) { read(static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_); });
}

int PopulationStore::parts() {
  int parts = 1;
  store_.read([&](soci::session& sql) { parts = sql.get_backend_name() == "sqlite3" ? kSqliteParts : 1; });
  return parts;
}

void PopulationStore::provisions(const std::function<void(int, const ProvisionView*, std::size_t)>& fn) {
  bool sqlite = false;
  store_.read([&](soci::session& sql) {
    if (sql.get_backend_name() == "sqlite3") {
      sqlite = true;
      return;
    }
    cursor_provisions(sql, [&](const ProvisionView* rows, std::size_t n) { fn(0, rows, n); });
  });
  if (!sqlite) return;
  in_rowid_ranges("provision", [&](int part, sq::sqlite3* db, long long from, long long to) {
    sqlite_provisions(db, from, to, [&](const ProvisionView* rows, std::size_t n) { fn(part, rows, n); });
  });
}

void PopulationStore::in_rowid_ranges(const char* table, const RangeReader& read) {
  long long first = 0, last = -1;
  std::string file;
  store_.read([&](soci::session& sql) {
    soci::indicator none = soci::i_ok, none_too = soci::i_ok;
    // Two subqueries: SQLite answers MIN or MAX of the rowid from the tree's
    // ends only when each stands alone; together they cost a full scan.
    sql << fmt::format("SELECT (SELECT MIN(rowid) FROM {0}), (SELECT MAX(rowid) FROM {0})", table),
        soci::into(first, none), soci::into(last, none_too);
    if (none == soci::i_null) last = first - 1;  // an empty table
    file = file_of(sql);
  });
  if (last < first) return;
  // Each part reads its range of rowids on a connection of its own.
  std::exception_ptr failed;
  std::mutex mu;
  {
    std::vector<std::jthread> threads;
    for (int p = 0; p < kSqliteParts; ++p)
      threads.emplace_back([&, p] {
        // [first, last] cut into equal ranges; 128 bits, as rowids may span the whole 64-bit range.
        const __int128 span = static_cast<__int128>(last) - first + 1;
        const auto from = static_cast<long long>(first + span * p / kSqliteParts);
        const auto to = static_cast<long long>(first + span * (p + 1) / kSqliteParts - 1);
        if (to < from) return;
        try {
          OwnConnection own(file);
          if (own.db)
            read(p, own.db, from, to);
          else
            store_.read([&](soci::session& sql) {
              read(p, static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_, from, to);
            });
        } catch (...) {
          std::lock_guard lock(mu);
          failed = std::current_exception();
        }
      });
  }
  // Rethrown where the store turns a database error into its own (Unavailable).
  if (failed) store_.read([&](soci::session&) { std::rethrow_exception(failed); });
}

}  // namespace regie::store
