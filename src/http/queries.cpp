// Query-string parsers shared by the report routes.
#include "http/queries.h"

#include <fmt/format.h>

#include "common/date.h"
#include "common/money.h"

namespace regie::http {

std::vector<std::string> id_list(const httplib::Request& req, const char* name) {
  std::vector<std::string> ids;
  if (!req.has_param(name)) return ids;
  const auto text = req.get_param_value(name);
  for (std::size_t start = 0; start <= text.size();) {
    auto comma = text.find(',', start);
    auto id = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!id.empty()) ids.push_back(id);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return ids;
}

// Reads the business-case query from URL parameters; errors name the parameter.
Result<service::BusinessCaseQuery> business_case_query(const httplib::Request& req) {
  service::BusinessCaseQuery q;
  auto date = [&](const char* name, Date& out) -> Status {
    if (!req.has_param(name)) return invalid(fmt::format("{}: required (yyyy-mm-dd)", name));
    auto d = parse_date(req.get_param_value(name));
    if (!d) return invalid(fmt::format("{}: not a date (yyyy-mm-dd)", name));
    out = *d;
    return ok_status();
  };
  // dates=own: each family's own T1 and T2 (complete families only); else t1 and t2 for all.
  if (req.has_param("dates")) {
    const auto dates = req.get_param_value("dates");
    if (dates != "own" && dates != "fixed") return invalid("dates: own or fixed");
    q.own_dates = dates == "own";
  }
  if (!q.own_dates) {
    if (auto st = date("t1", q.t1); !st) return st.error();
    if (auto st = date("t2", q.t2); !st) return st.error();
  }
  auto opt = [&](const char* name) -> std::optional<std::string> {
    if (!req.has_param(name) || req.get_param_value(name).empty()) return std::nullopt;
    return req.get_param_value(name);
  };
  q.household_ids = id_list(req, "household");
  q.director = opt("director");
  q.neighbourhood = opt("neighbourhood");
  if (auto m = opt("director_cost")) q.director_cost_mode = *m;
  auto amount = [&](const char* name, Cents& out) -> Status {
    if (auto v = opt(name)) {
      auto c = parse_euros(*v);
      if (!c || *c < 0) return invalid(fmt::format("{}: expected an amount in euros like 70 or 8000.00", name));
      out = *c;
    }
    return ok_status();
  };
  if (auto st = amount("fixed_amount", q.fixed_amount); !st) return st.error();
  if (auto st = amount("hourly_rate", q.hourly_rate); !st) return st.error();
  if (auto v = opt("hours_per_week")) {
    auto h = parse_fixed(*v, 2);
    if (!h || *h < 0) return invalid("hours_per_week: expected a number like 2.5");
    q.norm_hours_per_week_centi = *h;
  }
  if (auto v = opt("weeks")) {
    auto w = parse_fixed(*v, 0);
    if (!w) return invalid("weeks: expected a whole number");
    q.norm_weeks = static_cast<int>(*w);
  }
  if (auto st = service::validate(q); !st) return st.error();
  return q;
}

// Year, date and threshold of a population analysis; defaults are the report's.
Result<service::PopulationQuery> population_query(const httplib::Request& req) {
  service::PopulationQuery q;
  if (req.has_param("year")) {
    auto y = parse_fixed(req.get_param_value("year"), 0);
    if (!y || *y < 1900 || *y > 9999) return invalid("year: a year like 2019");
    q.year = static_cast<int>(*y);
  }
  q.date = make_date(q.year, 12, 31);
  if (req.has_param("date")) {
    auto d = parse_date(req.get_param_value("date"));
    if (!d) return invalid("date: not a date (yyyy-mm-dd)");
    q.date = *d;
  }
  if (req.has_param("threshold")) {
    auto t = parse_euros(req.get_param_value("threshold"));
    if (!t || *t < 0) return invalid("threshold: an amount in euros like 30000");
    q.threshold = *t;
  }
  return q;
}

}  // namespace regie::http
