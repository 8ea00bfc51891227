// Time entries: the minutes a director spends, per household or on the
// project. On Store::read / Store::write (one transaction per call).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/time_entry.h"
#include "store/store.h"

namespace regie::store {

class TimeStore {
 public:
  explicit TimeStore(Store& store) : store_(store) {}

  Result<std::int64_t> add(const domain::TimeEntry& t);
  // Entries of one director, or of one household, with from <= date <= to.
  std::vector<domain::TimeEntry> entries(const std::optional<std::string>& director,
                                         const std::optional<std::string>& household_id, Date from, Date to);

 private:
  Store& store_;
};

}  // namespace regie::store
