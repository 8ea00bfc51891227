// SQL for mandate grants, other organisations' plans and withdrawals; see mandate_store.h.
#include "store/mandate_store.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "store/rows.h"

namespace regie::store {
namespace {

using domain::ExternalPlan;
using domain::MandateGrant;
using nlohmann::json;

struct Refused {
  Error error;
};

std::optional<Date> opt_date(const soci::row& r, const std::string& name) {
  auto s = opt_str(r, name);
  if (!s) return std::nullopt;
  return must_date(*s);
}

soci::indicator null_if_empty(const std::optional<Date>& d) { return d ? soci::i_ok : soci::i_null; }

ExternalPlan external_from(const soci::row& r) {
  ExternalPlan p;
  p.id = i64(r, "id");
  p.household_id = str(r, "household_id");
  p.organisation = str(r, "organisation");
  p.title = str(r, "title");
  p.coordinator = str(r, "coordinator");
  p.starts_on = must_date(str(r, "starts_on"));
  p.ends_on = opt_date(r, "ends_on");
  p.note = str(r, "note");
  p.recorded_by = str(r, "recorded_by");
  p.recorded_at = str(r, "recorded_at");
  p.version = static_cast<int>(i64(r, "version"));
  return p;
}

}  // namespace

std::vector<MandateGrant> MandateStore::grants(const std::string& household_id) {
  std::vector<MandateGrant> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs =
        (sql.prepare << "SELECT g.*, a.display_name AS recorded_by_name FROM mandate_grant g "
                        "LEFT JOIN account a ON a.username = g.recorded_by WHERE g.household_id = :h ORDER BY g.id",
         soci::use(household_id));
    for (auto& r : rs) {
      MandateGrant g;
      g.id = i64(r, "id");
      g.household_id = str(r, "household_id");
      g.granted_by = str(r, "granted_by");
      g.granted_on = must_date(str(r, "granted_on"));
      for (auto& k : json::parse(str(r, "kinds"), nullptr, false))
        if (k.is_string())
          if (auto kind = domain::parse_decision_kind(k.get<std::string>())) g.kinds.push_back(*kind);
      g.scope = str(r, "scope");
      g.valid_from = must_date(str(r, "valid_from"));
      g.valid_to = opt_date(r, "valid_to");
      g.recorded_by = str(r, "recorded_by");
      g.recorded_at = str(r, "recorded_at");
      g.recorded_by_name = str(r, "recorded_by_name");
      out.push_back(std::move(g));
    }
  });
  return out;
}

Result<std::int64_t> MandateStore::add_grant(const MandateGrant& g) {
  long long id = 0;
  json kinds = json::array();
  for (auto k : g.kinds) kinds.push_back(std::string(domain::to_string(k)));
  std::string kinds_doc = kinds.dump(), granted_on = format_date(g.granted_on), from = format_date(g.valid_from),
              to = g.valid_to ? format_date(*g.valid_to) : std::string();
  soci::indicator to_ind = null_if_empty(g.valid_to);
  auto st = write_checked(store_, [&](soci::session& sql) {
    sql << "INSERT INTO mandate_grant (household_id, granted_by, granted_on, kinds, scope, valid_from, valid_to, "
           "recorded_by, recorded_at) VALUES (:h, :b, :o, :k, :s, :f, :t, :rb, :ra) RETURNING id",
        soci::use(g.household_id), soci::use(g.granted_by), soci::use(granted_on), soci::use(kinds_doc),
        soci::use(g.scope), soci::use(from), soci::use(to, to_ind), soci::use(g.recorded_by),
        soci::use(g.recorded_at), soci::into(id);
  }, [](const soci::soci_error& e) { return invalid(constraint_reason(e)); });
  if (!st) return st.error();
  return static_cast<std::int64_t>(id);
}

std::vector<ExternalPlan> MandateStore::external_plans(const std::string& household_id) {
  std::vector<ExternalPlan> out;
  // Read for every household view (the several-plans signal): kept prepared.
  store_.query("SELECT * FROM external_plan WHERE household_id = :h ORDER BY starts_on, id", {household_id},
               [&](const soci::row& r) { out.push_back(external_from(r)); });
  return out;
}

std::optional<ExternalPlan> MandateStore::external_plan(std::int64_t id) {
  std::optional<ExternalPlan> out;
  store_.read([&](soci::session& sql) {
    long long key = id;
    soci::rowset<soci::row> rs = (sql.prepare << "SELECT * FROM external_plan WHERE id = :i", soci::use(key));
    for (auto& r : rs) out = external_from(r);
  });
  return out;
}

Result<std::int64_t> MandateStore::add_external_plan(const ExternalPlan& p) {
  long long id = 0;
  std::string starts = format_date(p.starts_on), ends = p.ends_on ? format_date(*p.ends_on) : std::string();
  soci::indicator ends_ind = null_if_empty(p.ends_on);
  auto st = write_checked(store_, [&](soci::session& sql) {
    sql << "INSERT INTO external_plan (household_id, organisation, title, coordinator, starts_on, ends_on, note, "
           "recorded_by, recorded_at) VALUES (:h, :o, :t, :c, :s, :e, :n, :rb, :ra) RETURNING id",
        soci::use(p.household_id), soci::use(p.organisation), soci::use(p.title), soci::use(p.coordinator),
        soci::use(starts), soci::use(ends, ends_ind), soci::use(p.note), soci::use(p.recorded_by),
        soci::use(p.recorded_at), soci::into(id);
  }, [](const soci::soci_error& e) { return invalid(constraint_reason(e)); });
  if (!st) return st.error();
  return static_cast<std::int64_t>(id);
}

Result<int> MandateStore::save_external_plan(const ExternalPlan& p) {
  int version = 0;
  std::string starts = format_date(p.starts_on), ends = p.ends_on ? format_date(*p.ends_on) : std::string();
  soci::indicator ends_ind = null_if_empty(p.ends_on);
  std::optional<Error> refused;
  auto st = write_checked(store_, [&](soci::session& sql) {
    auto bumped = bump_version(sql, "external_plan", p.id, p.version);
    if (!bumped) {
      refused = bumped.error();
      return;
    }
    version = *bumped;
    long long key = p.id;
    sql << "UPDATE external_plan SET organisation = :o, title = :t, coordinator = :c, starts_on = :s, ends_on = :e, "
           "note = :n WHERE id = :i",
        soci::use(p.organisation), soci::use(p.title), soci::use(p.coordinator), soci::use(starts),
        soci::use(ends, ends_ind), soci::use(p.note), soci::use(key);
  }, [](const soci::soci_error& e) { return invalid(constraint_reason(e)); });
  if (!st) return st.error();
  if (refused) return *refused;
  return version;
}

int MandateStore::external_plans_in_force(const std::string& household_id, Date on) {
  int n = 0;
  const std::string day = format_date(on);
  store_.query("SELECT COUNT(*) AS n FROM external_plan WHERE household_id = :h AND starts_on <= :d "
               "AND (ends_on IS NULL OR ends_on >= :d2)",
               {household_id, day, day}, [&](const soci::row& r) { n = static_cast<int>(i64(r, "n")); });
  return n;
}

Status MandateStore::withdraw_decision(const domain::Decision& d, const domain::Withdrawal& w) {
  try {
    store_.write([&](soci::session& sql) {
      const std::string note = fmt::format("decision {} withdrawn: {}", d.id, w.reason);
      long long key = d.id;
      soci::statement mark =
          (sql.prepare << "UPDATE decision SET withdrawn_at = :a, withdrawn_by = :b, withdrawal_reason = :r "
                          "WHERE id = :i AND withdrawn_at IS NULL",
           soci::use(w.at), soci::use(w.by), soci::use(w.reason), soci::use(key));
      mark.execute(true);
      if (mark.get_affected_rows() != 1)
        throw Refused{Error{ErrorCode::conflict, "this decision has already been withdrawn"}};
      const std::string decided_end = format_date(Date{d.effective.days - 1});
      auto restore = [&](const std::string& pid) {
        auto before = d.previous_end->find(pid);
        if (before == d.previous_end->end()) return;
        std::string end = before->second ? format_date(*before->second) : std::string();
        soci::indicator ind = before->second ? soci::i_ok : soci::i_null;
        soci::statement st = (sql.prepare << "UPDATE provision SET end_date = :e, version = version + 1 "
                                             "WHERE id = :i AND household_id = :h AND end_date = :d",
                              soci::use(end, ind), soci::use(pid), soci::use(d.household_id), soci::use(decided_end));
        st.execute(true);
        if (st.get_affected_rows() != 1)
          throw Refused{Error{ErrorCode::conflict,
                              fmt::format("provision {} was changed after the decision; end or restore it by hand", pid)}};
        insert_change(sql, {0, d.household_id, pid, w.by, w.at, "edited", note});
      };
      for (auto& pid : d.stopped) restore(pid);
      for (auto& pid : d.scaled) restore(pid);
      for (auto& pid : d.started) {
        int refs = 0;
        sql << "SELECT (SELECT COUNT(*) FROM interop_allocation WHERE provision_id = :a) + "
               "(SELECT COUNT(*) FROM interop_declared_line WHERE provision_id = :b)",
            soci::use(pid), soci::use(pid), soci::into(refs);
        if (refs > 0)
          throw Refused{Error{ErrorCode::conflict,
                              fmt::format("provision {} is already in an allocation or declaration message; end it "
                                          "with a new decision instead",
                                          pid)}};
        soci::statement del = (sql.prepare << "DELETE FROM provision WHERE id = :i AND household_id = :h",
                               soci::use(pid), soci::use(d.household_id));
        del.execute(true);
        if (del.get_affected_rows() == 1) insert_change(sql, {0, d.household_id, pid, w.by, w.at, "removed", note});
      }
    });
    return ok_status();
  } catch (const Refused& r) {
    return r.error;
  }
}

}  // namespace regie::store
