// The referral funnel from households, status histories and moments; see funnel.h.
#include "service/funnel.h"

#include "domain/account.h"
#include "domain/status_history.h"
#include "service/audit.h"
#include "service/moments.h"
#include "store/household_store.h"

namespace regie::service {

std::vector<domain::FunnelRow> referral_funnel(store::Store& store, Date today) {
  using domain::HouseholdStatus;
  std::vector<domain::Household> referred;
  for (auto& s : store::HouseholdStore(store).list(std::nullopt, today))
    if (s.household.referral) referred.push_back(s.household);
  auto histories = store::HouseholdStore(store).status_histories(std::nullopt);
  // Only the guided families need their care maps read, for the business-case gap.
  std::vector<domain::Household> guided;
  std::vector<domain::FunnelFamily> families;
  for (auto& h : referred) {
    const auto& history = histories[h.id];
    domain::FunnelFamily f;
    f.source = h.referral->source;
    f.status = h.status;
    f.reached_intake = domain::reached(history, h.status, HouseholdStatus::intake);
    f.reached_active = domain::reached(history, h.status, HouseholdStatus::active);
    f.drop_reason = h.drop_reason;
    families.push_back(f);
    if (f.reached_active) guided.push_back(h);
  }
  auto progress = family_progress(store, guided, today);
  for (std::size_t i = 0; i < referred.size(); ++i)
    if (families[i].reached_active) families[i].gap = progress[referred[i].id].gap;
  return domain::referral_funnel(families);
}

Result<std::vector<domain::FunnelRow>> ReferralFunnels::report(const Principal& who) {
  using domain::Role;
  const bool allowed = who.role == Role::analyst || who.role == Role::team_lead || who.role == Role::administrator;
  record_access(store_, clock_, who, "funnel.read", "*", allowed);
  if (!allowed) return forbidden("the referral funnel is for analysts, team leads and administrators");
  return referral_funnel(store_, clock_.today());
}

}  // namespace regie::service
