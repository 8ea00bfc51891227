// Stacking signals (report §3) and the counts the report uses, computed from
// one household's care map. Pure rules: no I/O, every threshold a parameter.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "domain/funding.h"
#include "domain/household.h"
#include "domain/provision.h"

namespace regie::domain {

struct SignalThresholds {
  int stacking_min = 3;             // provisions in wmo, jeugd, participatie, schuldhulp
  int several_plans_min = 2;        // active household plans
  int many_professionals_min = 10;  // distinct professionals in the window
  int professionals_window_months = 12;
  int coaching_min = 2;             // active "coaching towards self-reliance" provisions
  int turnover_window_months = 6;
};

enum class SignalCode {
  stacking,
  several_plans,
  one_provider_several_members,
  several_ggz_providers,
  many_professionals,
  overlapping_coaching,
};
std::string_view to_string(SignalCode c);
std::optional<SignalCode> parse_signal_code(std::string_view s);

struct Signal {
  SignalCode code;
  std::vector<std::string> provisions;  // the provisions that trigger it
  std::string detail;                   // plain words: which, for whom
};

struct CareMapInput {
  std::vector<Provision> provisions;
  std::vector<Member> members;
  std::map<std::string, std::string> professional_names;  // id -> name, for explanations
  std::map<std::string, std::string> provider_names;      // id -> name
  int active_plans = 0;
  bool coordinated = false;  // an agreed household plan is in force
};

// The signals raised on `on`; an empty list when none.
std::vector<Signal> stacking_signals(const CareMapInput& in, Date on, const SignalThresholds& t);

struct CareMapCounts {
  int providers = 0;      // distinct providers of active provisions
  int professionals = 0;  // distinct professionals of active provisions
  std::map<Domain, int> provisions_per_domain;  // active
  // Professionals who joined or left the household's care team in the turnover window.
  int turnover = 0;
};
CareMapCounts care_map_counts(const std::vector<Provision>& provisions, Date on, const SignalThresholds& t);

// `on` minus whole months, clamped to the month's last day (31 March - 1 month = 28/29 February).
Date months_before(Date on, int months);

}  // namespace regie::domain
