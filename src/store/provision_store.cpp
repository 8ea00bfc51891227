// SQL of the care map: provisions, their history and signal acknowledgements;
// see provision_store.h.
#include "store/provision_store.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include "store/rows.h"

namespace regie::store {

using namespace regie::domain;

namespace {
std::string ymd(Date d) { return format_date(d); }
}  // namespace

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

namespace {
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
}  // namespace

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

std::vector<Provision> ProvisionStore::of_household(const std::string& household_id) {
  std::vector<Provision> out;
  store_.query("SELECT * FROM provision WHERE household_id = :h ORDER BY id", {household_id},
               [&](const soci::row& r) { out.push_back(provision_from(r)); });
  return out;
}

std::optional<Provision> ProvisionStore::find(const std::string& id) {
  std::optional<Provision> out;
  // Kept prepared on the pooled connection (Store::query): one round trip.
  store_.query("SELECT * FROM provision WHERE id = :i", {id}, [&](const soci::row& r) {
    if (!out) out = provision_from(r);
  });
  return out;
}

Status ProvisionStore::add(const Provision& p, const std::optional<CareMapChange>& change) {
  return write_checked(
      store_,
      [&](soci::session& sql) {
        insert_provision(sql, p);
        if (change) insert_change(sql, *change);
      },
      [](const soci::soci_error& e) {
        return Error{ErrorCode::conflict, fmt::format("the provision could not be stored: {}", constraint_reason(e))};
      });
}

Result<int> ProvisionStore::update(const Provision& p, const CareMapChange& change) {
  ProvisionRow v(p);
  int version = p.version;
  Result<int> out = p.version + 1;
  struct Stale {};
  Status stored = ok_status();
  try {
    stored = write_checked(
        store_,
        [&](soci::session& sql) {
          soci::statement st =
              (sql.prepare << "UPDATE provision SET member_id = :m, domain = :d, provider_id = :pv, "
                              "professional_id = :pf, goal = :g, start_date = :s, end_date = :e, "
                              "hours_per_week_centi = :hw, annual_cost_cents = :c, cost_basis = :b, indicated = :x, "
                              "price_code = :pc, units_per_year_centi = :u, coaching = :co, version = version + 1 "
                              "WHERE id = :i AND household_id = :h AND version = :v",
               soci::use(v.member, v.mi), soci::use(v.domain), soci::use(p.provider_id),
               soci::use(v.professional, v.pi), soci::use(p.goal), soci::use(v.start), soci::use(v.end, v.ei),
               soci::use(v.hours), soci::use(v.cost), soci::use(v.basis), soci::use(v.indicated),
               soci::use(v.price, v.ci), soci::use(v.units, v.ci), soci::use(v.coaching), soci::use(p.id),
               soci::use(p.household_id), soci::use(version));
          st.execute(true);
          if (st.get_affected_rows() == 0) {
            int current = 0;
            soci::indicator ind = soci::i_null;
            sql << "SELECT version FROM provision WHERE id = :i AND household_id = :h", soci::use(p.id),
                soci::use(p.household_id), soci::into(current, ind);
            if (!sql.got_data())
              out = not_found("no provision with this id in this household");
            else
              out = Error{ErrorCode::conflict,
                          fmt::format("the provision was changed by someone else (now version {}); reload and try "
                                      "again",
                                      current)};
            throw Stale{};
          }
          insert_change(sql, change);
        },
        [](const soci::soci_error& e) {
          return Error{ErrorCode::conflict, fmt::format("the provision could not be stored: {}", constraint_reason(e))};
        });
  } catch (const Stale&) {
    return out;
  }
  if (!stored) return stored.error();
  return out;
}

std::vector<CareMapChange> ProvisionStore::changes(const std::string& household_id) {
  std::vector<CareMapChange> out;
  store_.query(
      "SELECT * FROM care_map_change WHERE household_id = :h ORDER BY id", {household_id}, [&](const soci::row& r) {
        out.push_back(CareMapChange{i64(r, "id"), str(r, "household_id"), opt_str(r, "provision_id"),
                                    str(r, "changed_by"), str(r, "changed_at"), str(r, "change"), str(r, "detail")});
      });
  return out;
}

std::vector<CareMapChangeDay> ProvisionStore::change_days(const std::string& household_id) {
  std::vector<CareMapChangeDay> out;
  store_.query(
      "SELECT substr(c.changed_at, 1, 10) AS day, c.provision_id, c.changed_by, c.change, COUNT(*) AS n, "
      "MAX(c.id) AS last, COALESCE(MAX(a.display_name), '') AS by_name "
      "FROM care_map_change c LEFT JOIN account a ON a.username = c.changed_by WHERE c.household_id = :h "
      "GROUP BY substr(c.changed_at, 1, 10), c.provision_id, c.changed_by, c.change ORDER BY last",
      {household_id}, [&](const soci::row& r) {
        out.push_back(CareMapChangeDay{str(r, "day"), opt_str(r, "provision_id"), str(r, "changed_by"),
                                       str(r, "change"), static_cast<int>(i64(r, "n")), str(r, "by_name")});
      });
  return out;
}

Status ProvisionStore::add_signal_ack(const SignalAck& a) {
  return write_checked(
      store_,
      [&](soci::session& sql) {
        sql << "INSERT INTO signal_ack (household_id, signal, note, acknowledged_by, acknowledged_at) "
               "VALUES (:h, :s, :n, :b, :a)",
            soci::use(a.household_id), soci::use(a.signal), soci::use(a.note), soci::use(a.by), soci::use(a.at);
      },
      [](const soci::soci_error& e) {
        return Error{ErrorCode::conflict,
                     fmt::format("the acknowledgement could not be stored: {}", constraint_reason(e))};
      });
}

std::vector<SignalAck> ProvisionStore::signal_acks(const std::string& household_id) {
  std::vector<SignalAck> out;
  store_.query(
      "SELECT s.*, COALESCE(a.display_name, '') AS by_name FROM signal_ack s "
      "LEFT JOIN account a ON a.username = s.acknowledged_by WHERE s.household_id = :h ORDER BY s.id",
      {household_id}, [&](const soci::row& r) {
        out.push_back(SignalAck{i64(r, "id"), str(r, "household_id"), str(r, "signal"), str(r, "note"),
                                str(r, "acknowledged_by"), str(r, "acknowledged_at"), str(r, "by_name")});
      });
  return out;
}

}  // namespace regie::store
