// Counting the referral funnel; see funnel.h.
#include "domain/funnel.h"

namespace regie::domain {

const std::vector<ReferralSource>& table1_sources() {
  using S = ReferralSource;
  static const std::vector<ReferralSource> order = {
      S::wmo,         S::gp,          S::practice_nurse, S::gp_with_practice_nurse, S::gp_with_safety_house,
      S::social_team, S::youth_doctor, S::social_work,   S::other};
  return order;
}

namespace {

void count(FunnelRow& row, const FunnelFamily& f) {
  ++row.referred;
  if (f.reached_intake) ++row.intake;
  if (f.reached_active) ++row.guided;
  if (f.status == HouseholdStatus::dropped) {
    ++row.dropped[f.drop_reason.empty() ? std::string("unknown") : f.drop_reason];
    return;
  }
  if (!f.reached_active) {
    ++row.waiting;
    return;
  }
  if (f.gap == Gap::none)
    ++row.business_case;
  else
    ++row.without_business_case[std::string(to_string(group_of(f.gap)))];
}

}  // namespace

std::vector<FunnelRow> referral_funnel(const std::vector<FunnelFamily>& families) {
  std::vector<FunnelRow> rows;
  for (auto s : table1_sources()) {
    FunnelRow row;
    row.source = s;
    for (auto& f : families)
      if (f.source == s) count(row, f);
    rows.push_back(std::move(row));
  }
  FunnelRow total;
  for (auto& f : families) count(total, f);
  rows.push_back(std::move(total));
  return rows;
}

}  // namespace regie::domain
