#include "service/view_cache.h"

#include <soci/soci.h>

#include "store/rows.h"

namespace regie::service {

ViewCache::ViewCache(store::Store& store) : store_(store), enabled_(false) {
  if (store.backend() != "sqlite3") return;
  store.read([&](soci::session& sql) {
    int n = 0;
    sql << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'view_revision'", soci::into(n);
    enabled_ = n == 1;
  });
}

std::optional<std::string> ViewCache::revision(const std::string& household_id, const std::string& day) {
  if (!enabled_) return std::nullopt;
  std::int64_t own = 0, shared = 0;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs = (sql.prepare << "SELECT scope, rev FROM view_revision WHERE scope IN (:h, '*')",
                                  soci::use(household_id));
    for (auto& r : rs) (store::str(r, "scope") == "*" ? shared : own) = store::i64(r, "rev");
  });
  return day + "/" + std::to_string(own) + "/" + std::to_string(shared);
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
