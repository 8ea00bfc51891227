// A per-client request budget: a token bucket per remote address, refilled at
// a steady rate and holding at most a burst. It keeps one busy or misbehaving
// client from starving the others; sign-in failures have their own, stricter
// throttle shared through the store (service/auth.h).
//
// In-process: several `regie serve` processes each keep their own budget.
#pragma once
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace regie::http {

class RateLimit {
 public:
  // per_second <= 0 switches the limit off.
  RateLimit(double per_second, double burst) : rate_(per_second), burst_(burst < 1 ? 1 : burst) {}

  bool enabled() const { return rate_ > 0; }
  // Takes one request from the client's budget at `now_s` (a steady clock, in
  // seconds). False when the budget is spent; then `retry_after_s` says when
  // one request fits again.
  bool allow(const std::string& client, double now_s, int* retry_after_s = nullptr);

 private:
  struct Bucket {
    double tokens;
    double at;
  };
  static constexpr std::size_t kMaxClients = 100000;
  double rate_, burst_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace regie::http
