#include "service/view_cache.h"

#include "store/household_store.h"

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
  std::lock_guard lock(mu_);
  if (entries_.size() >= kMaxEntries && !entries_.contains(household_id)) entries_.clear();
  entries_[household_id] = Entry{revision, std::move(body)};
}

}  // namespace regie::service
