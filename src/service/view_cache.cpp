#include "service/view_cache.h"

#include "store/household_store.h"

#include <chrono>

namespace regie::service {

bool ViewCache::enabled() {
  std::call_once(checked_, [&] {
    enabled_ = store::HouseholdStore(store_).keeps_view_revisions();
  });
  return enabled_;
}

namespace {
std::string revision_key(const std::string& day, std::int64_t own, std::int64_t shared) {
  return day + "/" + std::to_string(own) + "/" + std::to_string(shared);
}
}  // namespace

ViewCache::Lookup ViewCache::household(const std::string& household_id, const std::string& day) {
  Lookup out;
  if (!enabled()) {
    out.household = store::HouseholdStore(store_).find(household_id);
    return out;
  }
  if (auto found = store::HouseholdStore(store_).find_with_revisions(household_id)) {
    out.household = std::move(found->household);
    out.revision = revision_key(day, found->own_revision, found->shared_revision);
  }
  return out;
}

std::shared_ptr<const std::string> ViewCache::find(const std::string& household_id, const std::string& revision) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(household_id);
  if (it == entries_.end() || it->second.revision != revision) return nullptr;
  return it->second.body;
}

void ViewCache::put(const std::string& household_id, const std::string& revision,
                    std::shared_ptr<const std::string> body) {
  {
    std::lock_guard lock(mu_);
    if (entries_.size() >= kMaxEntries && !entries_.contains(household_id)) entries_.clear();
    entries_[household_id] = Entry{revision, std::move(body)};
    if (auto it = rendering_.find(household_id); it != rendering_.end() && it->second == revision) rendering_.erase(it);
  }
  rendered_.notify_all();
}

ViewCache::Claim ViewCache::find_or_claim(const std::string& household_id, const std::string& revision) {
  std::unique_lock lock(mu_);
  // Bounded: a rendering that takes longer than this is not waited for.
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  for (;;) {
    if (auto it = entries_.find(household_id); it != entries_.end() && it->second.revision == revision)
      return {it->second.body, false};
    auto busy = rendering_.find(household_id);
    if (busy == rendering_.end()) {
      rendering_.emplace(household_id, revision);
      return {nullptr, true};
    }
    // Another revision is being rendered (an older one, or already a newer
    // one): this caller renders its own, unclaimed.
    if (busy->second != revision) return {nullptr, false};
    if (rendered_.wait_until(lock, give_up) == std::cv_status::timeout) return {nullptr, false};
  }
}

void ViewCache::release(const std::string& household_id, const std::string& revision) {
  {
    std::lock_guard lock(mu_);
    if (auto it = rendering_.find(household_id); it != rendering_.end() && it->second == revision) rendering_.erase(it);
  }
  rendered_.notify_all();
}

}  // namespace regie::service
