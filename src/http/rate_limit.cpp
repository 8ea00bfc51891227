#include "http/rate_limit.h"

#include <algorithm>
#include <cmath>

namespace regie::http {

bool RateLimit::allow(const std::string& client, double now_s, int* retry_after_s) {
  if (!enabled()) return true;
  std::lock_guard lock(mu_);
  if (buckets_.size() >= kMaxClients && !buckets_.contains(client)) {
    // Forget the clients whose budget has refilled: they lose nothing.
    std::erase_if(buckets_, [&](const auto& kv) { return kv.second.tokens + (now_s - kv.second.at) * rate_ >= burst_; });
  }
  auto [it, fresh] = buckets_.try_emplace(client, Bucket{burst_, now_s});
  auto& b = it->second;
  b.tokens = std::min(burst_, b.tokens + std::max(0.0, now_s - b.at) * rate_);
  b.at = now_s;
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return true;
  }
  if (retry_after_s) *retry_after_s = static_cast<int>(std::ceil((1 - b.tokens) / rate_));
  return false;
}

}  // namespace regie::http
