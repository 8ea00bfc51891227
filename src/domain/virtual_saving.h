// Prevented events (report §8.4): reported beside the business case, never
// added to measured savings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include "common/date.h"
#include "common/money.h"

namespace regie::domain {

enum class VirtualSavingKind { out_of_home_placement, eviction, crisis_admission, police_intervention, other };

std::string_view to_string(VirtualSavingKind v);
// Accepts exactly the codes above; anything else is nullopt.
std::optional<VirtualSavingKind> parse_virtual_saving_kind(std::string_view s);

// A prevented event (report §8.4): reported on its own, never added to measured savings.
struct VirtualSaving {
  std::int64_t id = 0;
  std::string household_id;
  VirtualSavingKind kind = VirtualSavingKind::other;
  Cents amount = 0;
  std::string note;
  std::string recorded_by;
  Date recorded_on;
};

}  // namespace regie::domain
