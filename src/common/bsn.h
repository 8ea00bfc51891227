// The Dutch citizen service number (BSN): nine digits passing the 11-check.
#pragma once
#include <string>
#include <string_view>

namespace regie {

bool is_valid_bsn(std::string_view bsn);
// Shows only the last three digits: "******123". Never log the full number.
std::string mask_bsn(std::string_view bsn);

}  // namespace regie
