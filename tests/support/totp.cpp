#include "support/totp.h"

#include <stdexcept>

#include "common/sealer.h"
#include "service/auth.h"
#include "service/totp.h"
#include "store/account_store.h"

namespace regie::testing {

std::string test_totp_secret(const std::string& user) {
  std::string s = "totp:" + user + std::string(20, '#');
  return s.substr(0, 20);
}

void enrol_test_second_factors(store::Store& store, const std::string& key_file, std::int64_t now) {
  auto sealer = Sealer::from_key_file(key_file, true);
  if (!sealer) throw std::runtime_error(sealer.error().message);
  for (auto& a : regie::store::AccountStore(store).list()) {
    if (!service::needs_second_factor(a.role)) continue;
    auto st = service::store_totp_secret(store, *sealer, a.username, test_totp_secret(a.username), now);
    if (!st) throw std::runtime_error(st.error().message);
  }
}

std::string TestCodes::next(const std::string& user, ManualClock& clock) {
  auto step = clock.now_seconds() / service::kTotpStep;
  auto it = last_step_.find(user);
  if (it != last_step_.end() && it->second >= step) {
    clock.advance(service::kTotpStep * (it->second - step + 1));
    step = clock.now_seconds() / service::kTotpStep;
  }
  last_step_[user] = step;
  return service::totp_code(test_totp_secret(user), clock.now_seconds());
}

}  // namespace regie::testing
