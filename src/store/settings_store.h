// Settings: key-value pairs an administrator sets (measurement dates,
// targets, options). On Store::read / Store::write (one transaction per call).
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/store.h"

namespace regie::store {

class SettingsStore {
 public:
  explicit SettingsStore(Store& store) : store_(store) {}

  std::optional<std::string> get(const std::string& key);
  // Every setting whose key starts with `prefix`, in one statement.
  std::vector<std::pair<std::string, std::string>> with_prefix(const std::string& prefix);
  void set(const std::string& key, const std::string& value);

 private:
  Store& store_;
};

}  // namespace regie::store
