// The referral funnel over the store (report §5.2, table 1): per referral
// source, how many families were referred, reached intake, were guided and
// got a business case, and why the others did not. Counts only, no family is
// named, for analysts, team leads and administrators; audited.
#pragma once
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "domain/funnel.h"
#include "service/auth.h"
#include "store/store.h"

namespace regie::service {

// The funnel of every referred household on `today`, without access check or audit.
std::vector<domain::FunnelRow> referral_funnel(store::Store& store, Date today);

class ReferralFunnels {
 public:
  ReferralFunnels(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}
  // Audited as "funnel.read".
  Result<std::vector<domain::FunnelRow>> report(const Principal& who);

 private:
  store::Store& store_;
  const Clock& clock_;
};

}  // namespace regie::service
