// The referral funnel (report §5.2, table 1): how many families each source
// referred, how many reached intake, were guided by a director and got a
// business case, and why the others did not: drop-outs by their reason, and
// guided families without a business case by the report's two reasons.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/household.h"
#include "domain/moments.h"

namespace regie::domain {

// One referred family as the funnel sees it.
struct FunnelFamily {
  ReferralSource source = ReferralSource::other;
  HouseholdStatus status = HouseholdStatus::referred;
  bool reached_intake = false;
  bool reached_active = false;  // guided by a director
  std::string drop_reason;      // for a family that dropped out
  Gap gap = Gap::none;          // for a guided family: why it has no business case (none: it has one)
};

struct FunnelRow {
  std::optional<ReferralSource> source;  // none for the total
  int referred = 0;
  int intake = 0;
  int guided = 0;
  int business_case = 0;
  int waiting = 0;  // referred or in intake now: not guided yet, not dropped
  std::map<std::string, int> dropped;                // drop reason -> families
  std::map<std::string, int> without_business_case;  // GapGroup code -> guided families
};

// Every source in the order of the report's table 1 (also those without a
// referral), then the total. referred = dropped before being guided +
// waiting + guided, and guided = business case + without business case +
// dropped while guided.
std::vector<FunnelRow> referral_funnel(const std::vector<FunnelFamily>& families);

// The sources in the order of table 1.
const std::vector<ReferralSource>& table1_sources();

}  // namespace regie::domain
