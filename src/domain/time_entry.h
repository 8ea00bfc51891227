// The director's registered time (report §8.1).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include "common/date.h"

namespace regie::domain {

enum class TimeKind { direct, indirect, travel, project };

std::string_view to_string(TimeKind v);
// Accepts exactly the codes above; anything else is nullopt.
std::optional<TimeKind> parse_time_kind(std::string_view s);

// The director's registered time; project time is not client time (report §8.1).
struct TimeEntry {
  std::int64_t id = 0;
  std::optional<std::string> household_id;  // empty for project time
  std::string director;
  Date date;
  int minutes = 0;
  TimeKind kind = TimeKind::direct;
};

}  // namespace regie::domain
