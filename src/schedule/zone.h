// Wall-clock time in a named time zone (e.g. Europe/Amsterdam), read from the
// system's compiled tz database (TZif files under /usr/share/zoneinfo). GCC 12's
// standard library has no std::chrono time-zone support, so this small reader
// stands in for it. Instants are Unix seconds (UTC).
//
// Covers the transitions stored in the file (Debian ships "fat" files that
// list them up to 2037); later instants keep the last stored offset.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/result.h"

namespace regie::schedule {

// A local wall-clock moment: a date and minutes since midnight.
struct LocalTime {
  Date date;
  int minute = 0;  // 0..1439
  auto operator<=>(const LocalTime&) const = default;
};

// Parses "yyyy-mm-ddThh:mm" (seconds, if present, must be :00).
std::optional<LocalTime> parse_local_time(std::string_view s);
std::string format_local_time(LocalTime t);
// "yyyy-mm-ddThh:mm:ssZ" for a Unix time.
std::string format_utc(std::int64_t t);
// Parses "yyyy-mm-ddThh:mm[:ss]Z".
std::optional<std::int64_t> parse_utc(std::string_view s);

class TimeZone {
 public:
  // Loads `name` from `dir`. The name must look like a zone name (letters,
  // digits, '_', '-', '+', '/'; no "..") or the result is invalid_input; an
  // unknown zone is invalid_input as well.
  static Result<TimeZone> load(const std::string& name, const std::string& dir = "/usr/share/zoneinfo");
  // A fixed-offset zone (tests, "UTC").
  static TimeZone fixed(const std::string& name, int offset_seconds);

  const std::string& name() const { return name_; }
  // Seconds east of UTC in force at `utc`.
  int offset_at(std::int64_t utc) const;
  // The instant a wall clock in this zone shows `local`. A time skipped by a
  // spring-forward change is moved forward by the gap (02:30 becomes 03:30 in
  // Amsterdam); a time that occurs twice in autumn takes the first occurrence.
  std::int64_t to_utc(LocalTime local) const;
  LocalTime to_local(std::int64_t utc) const;

 private:
  std::string name_;
  std::vector<std::int64_t> transitions_;  // ascending UTC instants
  std::vector<int> offsets_;               // offset in force from transitions_[i]
  int initial_offset_ = 0;                 // before the first transition
};

}  // namespace regie::schedule
