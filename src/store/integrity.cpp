// Store::check_integrity: what a restore, `regie db check` and the
// reliability tests rely on to say that nothing was lost or bent. Each
// backend's own checks, then the audit chain, which both share. Problems are
// collected, not stopped at, so one run names all of them.
#include <fmt/format.h>
#include <soci/soci.h>

#include <string>
#include <vector>

#include "store/audit_store.h"
#include "store/rows.h"
#include "store/store.h"

namespace regie::store {

namespace {

constexpr std::size_t kMaxReported = 50;

void sqlite_checks(soci::session& sql, std::vector<std::string>& problems) {
  soci::rowset<std::string> ic = (sql.prepare << "PRAGMA integrity_check");
  for (auto& line : ic)
    if (line != "ok") problems.push_back("SQLite integrity check: " + line);
  soci::rowset<soci::row> fk = (sql.prepare << "PRAGMA foreign_key_check");
  for (auto& r : fk) {
    // Columns: table, rowid (NULL for a table without one), parent table, key index.
    std::string table = r.get<std::string>(0), parent = r.get<std::string>(2);
    std::string rowid = r.get_indicator(1) == soci::i_null ? "?" : std::to_string(i64(r, r.get_properties(1).get_name()));
    problems.push_back(fmt::format("foreign key: {} row {} refers to a missing {} row", table, rowid, parent));
  }
}

// amcheck verifies each B-tree index's structure and, with heapallindexed,
// that every table row has its index entry. Without the extension the
// indexes are unchecked, which is a problem to report, not a pass.
void pg_index_checks(soci::session& sql, std::vector<std::string>& problems) {
  try {
    // Asked first: IF NOT EXISTS alone would print a notice on every check.
    long long installed = 0;
    sql << "SELECT COUNT(*) FROM pg_extension WHERE extname = 'amcheck'", soci::into(installed);
    if (installed == 0) sql << "CREATE EXTENSION IF NOT EXISTS amcheck";
  } catch (const soci::soci_error& e) {
    problems.push_back(fmt::format("amcheck is not available, so the indexes were not checked: {}", e.what()));
    return;
  }
  std::vector<std::string> indexes;
  soci::rowset<std::string> rs =
      (sql.prepare << "SELECT c.oid::regclass::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                      "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am a ON a.oid = c.relam "
                      "WHERE a.amname = 'btree' AND n.nspname = current_schema() AND i.indisvalid AND i.indisready "
                      "ORDER BY 1");
  for (auto& name : rs) indexes.push_back(name);
  for (auto& name : indexes) {
    try {
      int one = 0;
      sql << "SELECT 1 FROM (SELECT bt_index_check(CAST(:n AS regclass), true)) AS checked", soci::use(name),
          soci::into(one);
    } catch (const soci::soci_error& e) {
      problems.push_back(fmt::format("index {}: {}", name, e.what()));
    }
  }
}

// Every foreign key again, by an anti-join built from the catalog: rows whose
// key columns are all set (MATCH SIMPLE) and match no row of the referenced
// table. Triggers that enforce the keys can be switched off
// (session_replication_role), so the keys' existence proves nothing.
void pg_foreign_keys(soci::session& sql, std::vector<std::string>& problems) {
  struct Fk {
    std::string name, table, parent, cols, parent_cols;
  };
  std::vector<Fk> fks;
  soci::rowset<soci::row> rs =
      (sql.prepare
       << "SELECT con.conname::text AS name, con.conrelid::regclass::text AS child, "
          "con.confrelid::regclass::text AS parent, "
          "(SELECT string_agg(quote_ident(a.attname), ',' ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY "
          "   AS k(attnum, ord) JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS cols, "
          "(SELECT string_agg(quote_ident(a.attname), ',' ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY "
          "   AS k(attnum, ord) JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS pcols "
          "FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace "
          "WHERE con.contype = 'f' AND n.nspname = current_schema() ORDER BY 2, 1");
  for (auto& r : rs) fks.push_back({str(r, "name"), str(r, "child"), str(r, "parent"), str(r, "cols"), str(r, "pcols")});
  auto split = [](const std::string& list) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at <= list.size()) {
      auto comma = list.find(',', at);
      if (comma == std::string::npos) comma = list.size();
      out.push_back(list.substr(at, comma - at));
      at = comma + 1;
    }
    return out;
  };
  for (auto& fk : fks) {
    auto cols = split(fk.cols), pcols = split(fk.parent_cols);
    std::string set, match;
    for (std::size_t i = 0; i < cols.size() && i < pcols.size(); ++i) {
      set += fmt::format("{}c.{} IS NOT NULL", i ? " AND " : "", cols[i]);
      match += fmt::format("{}p.{} = c.{}", i ? " AND " : "", pcols[i], cols[i]);
    }
    long long orphans = 0;
    sql << fmt::format("SELECT COUNT(*) FROM {} AS c WHERE {} AND NOT EXISTS (SELECT 1 FROM {} AS p WHERE {})",
                       fk.table, set, fk.parent, match),
        soci::into(orphans);
    if (orphans > 0)
      problems.push_back(fmt::format("foreign key {}: {} row(s) of {} refer to a missing {} row", fk.name, orphans,
                                     fk.table, fk.parent));
  }
}

// CHECK and NOT NULL constraints, evaluated again over every row. A CHECK
// holds unless its expression is false (NULL passes, as in PostgreSQL).
void pg_row_constraints(soci::session& sql, std::vector<std::string>& problems) {
  struct Check {
    std::string name, table, expr;
  };
  std::vector<Check> checks;
  soci::rowset<soci::row> rs =
      (sql.prepare << "SELECT con.conname::text AS name, con.conrelid::regclass::text AS tbl, "
                      "pg_get_expr(con.conbin, con.conrelid) AS expr "
                      "FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace "
                      "WHERE con.contype = 'c' AND n.nspname = current_schema() ORDER BY 2, 1");
  for (auto& r : rs) checks.push_back({str(r, "name"), str(r, "tbl"), str(r, "expr")});
  soci::rowset<soci::row> nn =
      (sql.prepare << "SELECT c.oid::regclass::text AS tbl, quote_ident(a.attname) AS col "
                      "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                      "JOIN pg_namespace n ON n.oid = c.relnamespace "
                      "WHERE c.relkind = 'r' AND n.nspname = current_schema() AND a.attnum > 0 "
                      "AND NOT a.attisdropped AND a.attnotnull ORDER BY 1, 2");
  for (auto& r : nn)
    checks.push_back({"not null " + str(r, "col"), str(r, "tbl"), str(r, "col") + " IS NOT NULL"});
  for (auto& c : checks) {
    long long bad = 0;
    sql << fmt::format("SELECT COUNT(*) FROM {} WHERE ({}) IS FALSE", c.table, c.expr), soci::into(bad);
    if (bad > 0) problems.push_back(fmt::format("{} on {}: {} row(s) break it", c.name, c.table, bad));
  }
}

}  // namespace

Status Store::check_integrity() {
  std::vector<std::string> problems;
  read([&](soci::session& sql) {
    if (backend_ == "sqlite3") {
      sqlite_checks(sql, problems);
    } else {
      pg_index_checks(sql, problems);
      pg_foreign_keys(sql, problems);
      pg_row_constraints(sql, problems);
    }
  });
  auto chain = AuditStore(*this).verify();
  if (!chain.intact) problems.push_back("audit trail: " + chain.why);
  if (problems.empty()) return ok_status();
  std::string message = fmt::format("the integrity check found {} problem(s):", problems.size());
  for (std::size_t i = 0; i < problems.size() && i < kMaxReported; ++i) message += "\n" + problems[i];
  if (problems.size() > kMaxReported) message += fmt::format("\n... and {} more", problems.size() - kMaxReported);
  return Error{ErrorCode::internal, message};
}

}  // namespace regie::store
