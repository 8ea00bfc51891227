// Failed sign-in attempts per key (a user name or a client), shared by every
// process on the store. Counting happens in the database, in one transaction
// per failure, so two servers behind one load balancer cannot each allow the
// maximum: together they allow it once.
#pragma once
#include <cstdint>
#include <string>

#include "store/store.h"

namespace regie::store {

struct ThrottlePolicy {
  int max_failures = 5;                 // within the window, then locked
  std::int64_t window_s = 15 * 60;
  std::int64_t lockout_s = 15 * 60;
};

class ThrottleStore {
 public:
  explicit ThrottleStore(Store& store) : store_(store) {}

  // Seconds the lock of `key_hash` still lasts at `now`; 0 when it is not locked.
  std::int64_t locked_for(const std::string& key_hash, std::int64_t now);
  // Counts one failure (a new window when the last one is over) and locks the
  // key once it reaches the maximum. Also forgets keys that are long quiet.
  void record_failure(const std::string& key_hash, std::int64_t now, const ThrottlePolicy& policy);
  void clear(const std::string& key_hash);

 private:
  Store& store_;
};

}  // namespace regie::store
