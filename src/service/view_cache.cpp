#include "service/view_cache.h"

#include <soci/soci.h>

#include "store/rows.h"

namespace regie::service {

bool ViewCache::enabled() {
  std::call_once(checked_, [&] {
    if (store_.backend() != "sqlite3") return;
    store_.read([&](soci::session& sql) {
      int n = 0;
      sql << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'view_revision'", soci::into(n);
      enabled_ = n == 1;
    });
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
    out.household = store_.household(household_id);
    return out;
  }
  store_.query("SELECT h.*, (SELECT rev FROM view_revision WHERE scope = h.id) AS own_revision, "
               "(SELECT rev FROM view_revision WHERE scope = '*') AS shared_revision FROM household h WHERE h.id = :h",
               {household_id}, [&](const soci::row& r) {
                 out.household = store::household_from(r);
                 out.revision = revision_key(day, store::i64(r, "own_revision"), store::i64(r, "shared_revision"));
               });
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
