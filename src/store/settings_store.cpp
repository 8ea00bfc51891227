// SQL of settings; see settings_store.h.
#include "store/settings_store.h"

#include <soci/soci.h>

#include "store/rows.h"

namespace regie::store {

std::optional<std::string> SettingsStore::get(const std::string& key) {
  std::optional<std::string> out;
  store_.read([&](soci::session& sql) {
    soci::rowset<soci::row> rs = (sql.prepare << "SELECT value FROM setting WHERE key = :k", soci::use(key));
    for (auto& r : rs) {
      out = r.get<std::string>(0);
      break;
    }
  });
  return out;
}

std::vector<std::pair<std::string, std::string>> SettingsStore::with_prefix(const std::string& prefix) {
  // substr, not LIKE: a prefix may hold '_' or '%', which LIKE would read as wildcards.
  std::vector<std::pair<std::string, std::string>> out;
  store_.query("SELECT key, value FROM setting WHERE substr(key, 1, :n) = :p", {std::to_string(prefix.size()), prefix},
               [&](const soci::row& r) { out.emplace_back(r.get<std::string>(0), r.get<std::string>(1)); });
  return out;
}

void SettingsStore::set(const std::string& key, const std::string& value) {
  store_.write([&](soci::session& sql) {
    sql << "DELETE FROM setting WHERE key = :k", soci::use(key);
    sql << "INSERT INTO setting (key, value) VALUES (:k, :v)", soci::use(key), soci::use(value);
  });
}

}  // namespace regie::store
