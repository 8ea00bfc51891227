// The cost area: the business case, the social price list, registered time
// and virtual savings. Rules in service/businesscase and service/records.
#include "analytics/table.h"
#include "common/date.h"
#include "common/money.h"
#include "domain/costs.h"
#include "http/handler.h"
#include "interop/businesscase_sheets.h"
#include "http/queries.h"
#include "service/businesscase.h"
#include "service/records.h"
#include "domain/time_entry.h"
#include "domain/virtual_saving.h"

namespace regie::http {
namespace {

json business_case_json(const service::BusinessCaseReport& r) {
  const auto& bc = r.business_case;
  json households = json::array();
  for (auto& [key, p] : bc.households)
    households.push_back({{"key", key}, {"t1_cents", p.t1}, {"t2_cents", p.t2}, {"difference_cents", p.difference()},
                          {"director_cost_cents", bc.director.for_household(key)}});
  json categories = json::array();
  for (auto& [cat, p] : bc.categories)
    categories.push_back({{"category", cat},
                          {"households", bc.category_households.at(cat)},
                          {"t1_cents", p.t1},
                          {"t2_cents", p.t2},
                          {"difference_cents", p.difference()}});
  json savings = json::array();
  for (auto& v : r.virtual_savings)
    savings.push_back({{"household", v.household},
                       {"kind", domain::to_string(v.kind)},
                       {"amount_cents", v.amount},
                       {"note", v.note},
                       {"recorded_on", format_date(v.recorded_on)}});
  const auto& d = bc.director;
  json family_dates = json::object();
  for (auto& [key, dates] : r.family_dates)
    family_dates[key] = {{"t1", format_date(dates.first)}, {"t2", format_date(dates.second)}};
  json excluded = json::array();
  for (auto& e : r.excluded)
    excluded.push_back({{"household", e.household},
                        {"reason", e.reason},
                        {"t1", e.t1 ? json(format_date(*e.t1)) : json(nullptr)},
                        {"t2", e.t2 ? json(format_date(*e.t2)) : json(nullptr)}});
  const bool none_counted = r.query.own_dates && r.family_dates.empty();
  return {{"dates", r.query.own_dates ? "own" : "fixed"},
          {"t1", none_counted ? json(nullptr) : json(format_date(r.query.t1))},
          {"t2", none_counted ? json(nullptr) : json(format_date(r.query.t2))},
          {"family_dates", family_dates},
          {"excluded", excluded},
          {"pseudonymised", r.pseudonymised},
          {"household_names", json(r.household_names)},
          {"household_count", bc.household_count()},
          {"households", households},
          {"categories", categories},
          {"total", {{"t1_cents", bc.total.t1}, {"t2_cents", bc.total.t2}, {"difference_cents", bc.total.difference()}}},
          {"director_cost",
           {{"mode", d.mode_name()},
            {"per_household_cents", d.mode == analytics::DirectorCost::Mode::registered ? json(nullptr)
                                                                                        : json(d.per_household)},
            {"total_cents", bc.director_total},
            {"norm_per_household_cents", r.norm_per_household},
            {"norm_hours_per_week", format_fixed(r.query.norm_hours_per_week_centi, 2, true)},
            {"norm_weeks", r.query.norm_weeks},
            {"hourly_rate_cents", r.query.hourly_rate},
            {"explanation", d.explain()}}},
          {"net_cents", bc.net()},
          {"registered_minutes",
           {{"direct", r.time.direct}, {"indirect", r.time.indirect}, {"travel", r.time.travel},
            {"project", r.time.project}}},
          {"virtual_savings", {{"items", savings}, {"total_cents", r.virtual_total}}},
          {"table", json::parse(analytics::to_json(analytics::to_table(bc)))}};
}

json time_entry_json(const domain::TimeEntry& t) {
  return {{"id", t.id}, {"date", format_date(t.date)}, {"minutes", t.minutes}, {"kind", domain::to_string(t.kind)},
          {"director", t.director}};
}

json virtual_saving_json(const domain::VirtualSaving& v) {
  return {{"id", v.id}, {"kind", domain::to_string(v.kind)}, {"amount_cents", v.amount}, {"note", v.note},
          {"recorded_by", v.recorded_by}, {"recorded_on", format_date(v.recorded_on)}};
}

}  // namespace

void add_cost_routes(Api& api) {
  auto business_cases = std::make_shared<service::BusinessCaseReports>(api.store, api.clock);
  auto records = std::make_shared<service::CostRecords>(api.store, api.clock);
  Routes routes(api);
  const std::string& hh = kHouseholdPath;
  using service::Permission;

  routes.get("/api/v1/businesscase", [business_cases](const Call& c) -> Answer {
    auto q = business_case_query(c.req);
    if (!q) return q.error();
    auto r = business_cases->report(c.who, *q);
    if (!r) return r.error();
    // JSON carries more than the table (households, explanation); the files hold the table.
    if (!c.has("format") || c.param("format") == "json") return ok(business_case_json(*r));
    // CSV keeps the contract's columns; the workbook is for people (Dutch headers, the report's names).
    send_table(c.req, c.res, analytics::to_table(r->business_case), "businesscase",
               interop::business_case_sheets(r->business_case));
    return written();
  }, Permission::business_case_read);

  routes.get("/api/v1/price-list", [records](const Call&) {
    const auto prices = records->price_list();  // items() refers into it: keep it alive
    json items = json::array();
    for (auto& i : prices.items())
      items.push_back({{"code", i.code}, {"name", i.name}, {"unit", domain::to_string(i.unit)},
                       {"amount_cents", i.amount}, {"valid_from", format_date(i.valid_from)}});
    return ok({{"items", items}});
  });
  routes.post("/api/v1/price-list", [records](const Call& c) -> Answer {
    FieldReader f(c.body);
    auto code = f.text("code"), name = f.text("name");
    auto unit = f.choice("unit", domain::parse_price_unit, "intervention, hour, month or year");
    auto from = f.date("valid_from");
    auto amount = f.integer("amount_cents");
    if (!f.ok()) return f.error();
    domain::PriceItem item{code, name, unit, amount, from};
    if (auto st = records->add_price_item(c.who, item); !st) return st.error();
    return created({{"code", item.code}, {"valid_from", format_date(item.valid_from)}});
  }, Permission::price_list_add);

  routes.get(hh + "/time-entries", [records](const Call& c) {
    return list("time_entries", records->time_entries(c.who, c.household()), time_entry_json);
  });
  routes.post(hh + "/time-entries", [records](const Call& c) -> Answer {
    FieldReader f(c.body);
    auto date = f.date("date");
    auto kind = f.choice("kind", domain::parse_time_kind, "direct, indirect or travel");
    auto minutes = f.integer("minutes", 1, 24 * 60);
    if (!f.ok()) return f.error();
    domain::TimeEntry e{0, c.household(), "", date, static_cast<int>(minutes), kind};
    return answer(records->add_time_entry(c.who, e), time_entry_json, 201);
  });
  routes.get("/api/v1/time-entries", [records](const Call& c) {
    return list("time_entries", records->project_time(c.who), time_entry_json);
  });
  routes.post("/api/v1/time-entries", [records](const Call& c) -> Answer {
    FieldReader f(c.body);
    auto date = f.date("date");
    auto minutes = f.integer("minutes", 1, 24 * 60);
    if (!f.ok()) return f.error();
    domain::TimeEntry e{0, std::nullopt, "", date, static_cast<int>(minutes), domain::TimeKind::project};
    return answer(records->add_project_time(c.who, e), time_entry_json, 201);
  }, Permission::project_time_add);

  routes.get(hh + "/virtual-savings", [records](const Call& c) {
    return list("virtual_savings", records->virtual_savings(c.who, c.household()), virtual_saving_json);
  });
  routes.post(hh + "/virtual-savings", [records](const Call& c) -> Answer {
    FieldReader f(c.body);
    auto kind = f.choice("kind", domain::parse_virtual_saving_kind,
                         "out_of_home_placement, eviction, crisis_admission, police_intervention or other");
    auto note = f.text("note");
    auto amount = f.integer("amount_cents");
    if (!f.ok()) return f.error();
    domain::VirtualSaving v{0, c.household(), kind, amount, note, "", Date{}};
    return answer(records->add_virtual_saving(c.who, v), virtual_saving_json, 201);
  });
}

}  // namespace regie::http
