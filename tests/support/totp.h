// Second factor in tests: every fixture account that needs one gets a known
// TOTP secret, and tests compute codes from it as an authenticator app would.
#pragma once
#include <cstdint>
#include <map>
#include <string>

#include "common/clock.h"
#include "store/store.h"

namespace regie::testing {

// The raw secret of a test account (20 bytes, derived from the user name).
std::string test_totp_secret(const std::string& user);
// Seals each test secret with the key file (created when missing) and stores
// it for every account in `store` that needs a second factor.
void enrol_test_second_factors(store::Store& store, const std::string& key_file, std::int64_t now);

// Hands out codes that were not used before: a server refuses a code of a
// time step it has accepted already, so when a test signs the same user in
// twice at one (manual) time, the clock moves on by one step first.
class TestCodes {
 public:
  std::string next(const std::string& user, ManualClock& clock);

 private:
  std::map<std::string, std::int64_t> last_step_;
};

}  // namespace regie::testing
