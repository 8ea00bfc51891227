// Reading the demo JSON with a precise error for every malformed field.
#include "service/demo.h"

#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <algorithm>
#include <set>

#include "common/problems.h"
#include "common/clock.h"
#include "domain/costs.h"
#include "domain/limits.h"
#include "service/auth.h"
#include "service/demo_shared.h"
#include "service/totp.h"
#include "store/account_store.h"
#include "store/bundle.h"
#include "store/settings_store.h"

namespace regie::service {
namespace {

using nlohmann::json;
using namespace regie::domain;

// Reads fields of one JSON object, recording problems with their JSON path.
class Fields {
 public:
  Fields(const json& obj, std::string path, ProblemList& problems) : obj_(obj), path_(std::move(path)), p_(problems) {
    if (!obj_.is_object()) p_.add(path_ + ": expected an object");
  }
  std::string text(const char* key, bool required = true) {
    if (!obj_.is_object()) return {};
    auto it = obj_.find(key);
    if (it == obj_.end() || it->is_null()) {
      if (required) p_.add(fmt::format("{}.{}: missing", path_, key));
      return {};
    }
    if (!it->is_string()) {
      p_.add(fmt::format("{}.{}: expected a string", path_, key));
      return {};
    }
    return it->get<std::string>();
  }
  std::optional<std::string> optional_text(const char* key) {
    if (!obj_.is_object() || !obj_.contains(key) || obj_[key].is_null()) return std::nullopt;
    return text(key);
  }
  int integer(const char* key) {
    if (!obj_.is_object()) return 0;
    auto it = obj_.find(key);
    if (it == obj_.end() || !it->is_number_integer()) {
      p_.add(fmt::format("{}.{}: expected a whole number", path_, key));
      return 0;
    }
    return it->get<int>();
  }
  bool boolean(const char* key) {
    if (!obj_.is_object()) return false;
    auto it = obj_.find(key);
    if (it == obj_.end() || !it->is_boolean()) {
      p_.add(fmt::format("{}.{}: expected true or false", path_, key));
      return false;
    }
    return it->get<bool>();
  }
  Date date(const char* key) { return to_date(key, text(key)); }
  std::optional<Date> optional_date(const char* key) {
    auto t = optional_text(key);
    if (!t) return std::nullopt;
    return to_date(key, *t);
  }
  template <class E>
  E code(const char* key, std::optional<E> (*parse)(std::string_view), E fallback) {
    auto t = text(key);
    auto v = parse(t);
    if (!v) {
      if (!t.empty()) p_.add(fmt::format("{}.{}: unknown value '{}'", path_, key, t));
      return fallback;
    }
    return *v;
  }
  std::int64_t fixed(const char* key, int decimals) {
    auto t = text(key);
    auto v = parse_fixed(t, decimals);
    if (!v || *v < 0) {
      if (!t.empty())
        p_.add(fmt::format("{}.{}: expected a non-negative decimal string with at most {} decimals, not '{}'", path_,
                           key, decimals, t));
      return 0;
    }
    return *v;
  }
  const std::string& path() const { return path_; }

 private:
  Date to_date(const char* key, const std::string& t) {
    auto d = parse_date(t);
    if (!d) {
      if (!t.empty()) p_.add(fmt::format("{}.{}: not a date (yyyy-mm-dd): '{}'", path_, key, t));
      return Date{};
    }
    return *d;
  }
  const json& obj_;
  std::string path_;
  ProblemList& p_;
};

const json& array_at(const json& doc, const char* key, ProblemList& p) {
  static const json empty = json::array();
  if (!doc.contains(key) || !doc[key].is_array()) {
    p.add(fmt::format("$.{}: expected an array", key));
    return empty;
  }
  return doc[key];
}

// A household's status history and measurement moments, both optional:
// "status_history": [{"status", "date", "by", "drop_reason"}],
// "moments": [{"moment": "T1"|"T2", "date", "held"}].
void read_history(const json& hj, const std::string& path, const std::string& household_id, store::Bundle& b,
                  ProblemList& p) {
  if (!hj.is_object()) return;
  if (hj.contains("status_history") && hj["status_history"].is_array()) {
    for (std::size_t j = 0; j < hj["status_history"].size(); ++j) {
      Fields s(hj["status_history"][j], fmt::format("{}.status_history[{}]", path, j), p);
      StatusChange c{s.code("status", parse_household_status, HouseholdStatus::referred), s.date("date"),
                     s.text("by", false), s.text("drop_reason", false)};
      if (!c.drop_reason.empty() && !is_drop_reason(c.drop_reason))
        p.add(fmt::format("{}.drop_reason: unknown value '{}'", s.path(), c.drop_reason));
      b.status_history.emplace_back(household_id, c);
    }
  }
  if (hj.contains("moments") && hj["moments"].is_array()) {
    for (std::size_t j = 0; j < hj["moments"].size(); ++j) {
      const json& mj = hj["moments"][j];
      Fields m(mj, fmt::format("{}.moments[{}]", path, j), p);
      auto moment = m.text("moment");
      if (moment != "T1" && moment != "T2") p.add(fmt::format("{}.moment: T1 or T2, not '{}'", m.path(), moment));
      const bool held = mj.is_object() && mj.contains("held") && m.boolean("held");
      b.moments.push_back({household_id, moment, m.date("date"), held});
    }
  }
}

}  // namespace

Result<DemoData> read_demo_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return invalid(fmt::format("{}: cannot open the demo data file", path));
  json doc = json::parse(in, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return invalid(fmt::format("{}: not a valid JSON object", path));
  ProblemList p;
  DemoData out;
  auto& b = out.bundle;
  {
    static const json none;
    const json& node = doc.contains("measurement_dates") ? doc["measurement_dates"] : none;
    Fields dates(node, "$.measurement_dates", p);
    out.t1 = dates.date("T1");
    out.t2 = dates.date("T2");
  }
  // Ids and numbers by the same rules as the API (domain/limits.h).
  auto check = [&](const std::string& where, const Status& st) {
    if (!st) p.add(where + "." + st.error().message);
  };
  auto id = [&](const std::string& where, const char* field, const std::string& value) {
    if (!value.empty()) check(where, domain::limits::check_id(field, value));
  };
  std::set<std::string> directors;
  for (std::size_t i = 0; i < array_at(doc, "directors", p).size(); ++i) {
    Fields f(doc["directors"][i], fmt::format("$.directors[{}]", i), p);
    Account a;
    a.username = f.text("username");
    a.display_name = f.text("display_name");
    a.phone = f.text("phone", false);
    a.email = f.text("email", false);
    a.role = Role::director;
    directors.insert(a.username);
    b.accounts.push_back(std::move(a));
  }
  for (std::size_t i = 0; i < array_at(doc, "organisations", p).size(); ++i) {
    Fields f(doc["organisations"][i], fmt::format("$.organisations[{}]", i), p);
    b.organisations.push_back({f.text("id"), f.text("name"), f.text("kind")});
    id(f.path(), "id", b.organisations.back().id);
  }
  for (std::size_t i = 0; i < array_at(doc, "professionals", p).size(); ++i) {
    Fields f(doc["professionals"][i], fmt::format("$.professionals[{}]", i), p);
    b.professionals.push_back(
        {f.text("id"), f.text("name"), f.text("organisation_id"), f.text("role"), f.text("phone", false)});
    id(f.path(), "id", b.professionals.back().id);
  }
  const auto& households = array_at(doc, "households", p);
  for (std::size_t i = 0; i < households.size(); ++i) {
    const json& hj = households[i];
    Fields f(hj, fmt::format("$.households[{}]", i), p);
    Household h;
    h.id = f.text("id");
    id(f.path(), "id", h.id);
    h.family_name = f.text("family_name");
    h.address = f.text("address", false);
    h.postcode = f.text("postcode", false);
    h.city = f.text("city", false);
    h.neighbourhood = f.text("neighbourhood", false);
    h.status = f.code("status", parse_household_status, HouseholdStatus::referred);
    h.director = f.text("director", false);
    if (!h.director.empty() && !directors.contains(h.director))
      p.add(fmt::format("{}.director: '{}' is not one of the directors", f.path(), h.director));
    if (hj.is_object() && hj.contains("referral") && !hj["referral"].is_null()) {
      Fields r(hj["referral"], f.path() + ".referral", p);
      h.referral = Referral{r.code("source", parse_referral_source, ReferralSource::other), r.text("reason"),
                            r.date("date")};
    }
    h.drop_reason = f.text("drop_reason", false);
    read_history(hj, f.path(), h.id, b, p);
    if (hj.is_object() && hj.contains("members") && hj["members"].is_array()) {
      for (std::size_t j = 0; j < hj["members"].size(); ++j) {
        Fields m(hj["members"][j], fmt::format("{}.members[{}]", f.path(), j), p);
        b.members.push_back(Member{m.text("id"), h.id, m.text("given_name"), m.text("family_name"),
                                   m.code("role", parse_member_role, MemberRole::other), m.integer("birth_year"),
                                   m.code("consent_status", parse_consent_status, ConsentStatus::pending),
                                   std::nullopt});
        id(m.path(), "id", b.members.back().id);
      }
    }
    if (hj.is_object() && hj.contains("provisions") && hj["provisions"].is_array()) {
      for (std::size_t j = 0; j < hj["provisions"].size(); ++j) {
        Fields v(hj["provisions"][j], fmt::format("{}.provisions[{}]", f.path(), j), p);
        Provision pr;
        pr.id = v.text("id");
        pr.household_id = h.id;
        pr.member_id = v.optional_text("member_id");
        pr.domain = v.code("domain", parse_domain, Domain::wmo);
        pr.provider_id = v.text("provider_id");
        pr.professional_id = v.optional_text("professional_id");
        pr.goal = v.text("goal", false);
        pr.start = v.date("start_date");
        pr.end = v.optional_date("end_date");
        if (pr.end && *pr.end < pr.start) p.add(v.path() + ".end_date: ends before it starts");
        pr.hours_per_week_centi = v.fixed("hours_per_week", 2);
        pr.annual_cost = v.fixed("annual_cost_eur", 2);
        pr.basis = v.code("cost_basis", parse_cost_basis, CostBasis::declared);
        pr.indicated = v.boolean("indicated");
        id(v.path(), "id", pr.id);
        if (pr.annual_cost < 0 || pr.annual_cost > domain::limits::kAnnualCost)
          p.add(fmt::format("{}.annual_cost_eur: 0 to {} euros", v.path(), domain::limits::kAnnualCost / 100));
        else
          check(v.path(), domain::check_provision_numbers(pr, {}));
        b.provisions.push_back(std::move(pr));
      }
    }
    b.households.push_back(std::move(h));
  }
  if (!p.empty()) return invalid(fmt::format("{}:\n{}", path, p.error().message));
  return out;
}

namespace {

// A fresh TOTP secret for each login that needs one; the printed form is base32.
Status enrol_demo_second_factors(store::Store& store, const Sealer& sealer, std::vector<DemoLogin>& logins) {
  SystemClock clock;
  for (auto& l : logins) {
    if (!needs_second_factor(l.role)) continue;
    auto secret = new_totp_secret();
    if (auto st = store_totp_secret(store, sealer, l.username, secret, clock.now_seconds()); !st) return st;
    l.totp_secret = totp_base32(secret);
  }
  return ok_status();
}

}  // namespace

Result<std::vector<DemoLogin>> load_demo(store::Store& store, DemoData data, const Sealer& sealer) {
  auto& accounts = data.bundle.accounts;
  accounts.push_back(Account{"teamleider", "Team Leider (demo)", Role::team_lead, "", false});
  accounts.push_back(Account{"beheerder", "Beheerder (demo)", Role::administrator, "", false});
  accounts.push_back(Account{"analist", "Analist (demo)", Role::analyst, "", false});
  // A professional (the one with shared plans in the demo, else the first),
  // and a parent of the first household, so that their own views can be tried.
  if (!data.bundle.professionals.empty()) {
    const auto chosen = demo_professional(data.bundle);
    auto pro = data.bundle.professionals.front();
    for (auto& p : data.bundle.professionals)
      if (chosen && p.id == *chosen) pro = p;
    Account a{"hulpverlener", pro.name + " (demo)", Role::professional, "", false};
    a.professional_id = pro.id;
    accounts.push_back(std::move(a));
  }
  for (const auto& m : data.bundle.members) {
    if (m.role != MemberRole::parent) continue;
    Account a{"gezin", m.given_name + " " + m.family_name + " (demo)", Role::member, "", false};
    a.member_id = m.id;
    accounts.push_back(std::move(a));
    break;
  }
  std::vector<DemoLogin> logins;
  for (auto& a : accounts) {
    std::string password = random_token(8);
    a.password_hash = hash_password(password);
    logins.push_back({a.username, a.display_name, a.role, password, ""});
  }
  data.bundle.settings.emplace_back("demo", "true");
  auto st = store::write_bundle(store, data.bundle);
  if (!st) return st.error();
  if (auto shared = add_demo_shared_plans(store, data.bundle, SystemClock().today()); !shared) return shared.error();
  if (auto enrolled = enrol_demo_second_factors(store, sealer, logins); !enrolled) return enrolled.error();
  return logins;
}

Result<std::vector<DemoLogin>> reset_demo_passwords(store::Store& store, const Sealer& sealer) {
  if (store::SettingsStore(store).get("demo") != "true")
    return invalid("this database holds data that was not created by `regie demo`; choose another --db");
  std::vector<DemoLogin> logins;
  auto accounts = store::AccountStore(store).list();
  // Directors first, as on the first run.
  std::stable_partition(accounts.begin(), accounts.end(), [](auto& a) { return a.role == Role::director; });
  for (auto& a : accounts) {
    std::string password = random_token(8);
    auto st = store::AccountStore(store).set_password_hash(a.username, hash_password(password));
    if (!st) return st.error();
    logins.push_back({a.username, a.display_name, a.role, password, ""});
  }
  if (auto enrolled = enrol_demo_second_factors(store, sealer, logins); !enrolled) return enrolled.error();
  return logins;
}

}  // namespace regie::service
