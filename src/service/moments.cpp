// Measurement moments per family over the store; see moments.h.
#include "service/moments.h"

#include <fmt/format.h>

#include <set>

#include "domain/account.h"
#include "domain/costs.h"
#include "service/access.h"
#include "service/audit.h"
#include "store/household_store.h"
#include "store/price_store.h"
#include "store/provision_store.h"
#include "store/settings_store.h"

namespace regie::service {
namespace {

constexpr const char* kT2Setting = "measurement.t2_after_months";
constexpr int kMaxT2Months = 60;

domain::CostFacts cost_facts(const std::vector<domain::Provision>& provisions, std::optional<Date> on,
                             const domain::PriceList& prices) {
  domain::CostFacts f;
  if (!on) return f;
  for (auto& p : provisions) {
    if (!p.active_on(*on)) continue;
    f.any = true;
    auto figure = domain::annual_cost_on(p, *on, prices);
    if (figure.missing_price || figure.out_of_range) f.unknown = true;
  }
  return f;
}

bool open(domain::HouseholdStatus s) {
  return s != domain::HouseholdStatus::closed && s != domain::HouseholdStatus::dropped;
}

}  // namespace

int t2_after_months(store::Store& store) {
  auto value = store::SettingsStore(store).get(kT2Setting);
  if (!value) return domain::kT2AfterMonths;
  try {
    int n = std::stoi(*value);
    return n >= 1 && n <= kMaxT2Months ? n : domain::kT2AfterMonths;
  } catch (const std::exception&) {
    return domain::kT2AfterMonths;
  }
}

std::map<std::string, FamilyProgress> family_progress(store::Store& store,
                                                      const std::vector<domain::Household>& households, Date today,
                                                      bool with_gap) {
  std::set<std::string> ids;
  for (auto& h : households) ids.insert(h.id);
  std::map<std::string, FamilyProgress> out;
  if (ids.empty()) return out;
  auto facts = store::MomentStore(store).facts(ids);
  const int months = t2_after_months(store);
  const auto prices = store::PriceStore(store).price_list();
  for (auto& h : households) {
    FamilyProgress p;
    p.moments = domain::family_moments(facts[h.id], months);
    if (open(h.status)) p.reminder = domain::t2_reminder(p.moments, today);
    if (!with_gap) {
      out[h.id] = p;
      continue;
    }
    auto provisions = store::ProvisionStore(store).of_household(h.id);
    p.gap = domain::business_case_gap(p.moments, today, cost_facts(provisions, p.moments.t1.on, prices),
                                      cost_facts(provisions, p.moments.t2.on, prices));
    out[h.id] = p;
  }
  return out;
}

Result<MomentsView> Moments::get(const Principal& who, const std::string& household_id) {
  if (auto st = require_assigned(store_, clock_, who, household_id, "moments.read"); !st) return st.error();
  auto h = store::HouseholdStore(store_).find(household_id);
  MomentsView v;
  v.progress = family_progress(store_, {*h}, clock_.today())[household_id];
  v.t2_after_months = t2_after_months(store_);
  v.set = store::MomentStore(store_).of_household(household_id);
  return v;
}

Result<int> Moments::set(const Principal& who, const std::string& household_id, const std::string& moment, Date on,
                         bool held, int version) {
  if (auto st = require_assigned(store_, clock_, who, household_id, "moments.set"); !st) return st.error();
  if (moment != "T1" && moment != "T2") return invalid("moment: T1 or T2");
  if (on < make_date(2000, 1, 1) || on > make_date(2099, 12, 31)) return invalid("date: between 2000 and 2099");
  if (held && on > clock_.today()) return invalid("held: a moment in the future was not held yet");
  auto h = store::HouseholdStore(store_).find(household_id);
  auto now = family_progress(store_, {*h}, clock_.today())[household_id].moments;
  if (moment == "T2" && now.t1.on && on <= *now.t1.on)
    return invalid(fmt::format("date: T2 must lie after T1 ({})", format_date(*now.t1.on)));
  if (moment == "T1" && now.t2.on && now.t2.source == domain::MomentSource::set && on >= *now.t2.on)
    return invalid(fmt::format("date: T1 must lie before T2 ({})", format_date(*now.t2.on)));
  return store::MomentStore(store_).set(household_id, moment, on, held, who.username, clock_.now_iso8601(), version);
}

Status Moments::set_t2_after_months(const Principal& who, int months) {
  const bool allowed = who.role == domain::Role::administrator;
  record_access(store_, clock_, who, "setting.change", kT2Setting, allowed);
  if (!allowed) return forbidden("only an administrator changes settings");
  if (months < 1 || months > kMaxT2Months) return invalid("value: from 1 to 60 months");
  store::SettingsStore(store_).set(kT2Setting, std::to_string(months));
  return ok_status();
}

}  // namespace regie::service
