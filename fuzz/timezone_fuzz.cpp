// A compiled tz database file (TZif, as under /usr/share/zoneinfo) as the
// round-table scheduling reads it: refused, or a zone whose conversions
// between wall-clock and UTC stay in range for any instant.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "schedule/zone.h"
#include "input_file.h"

using namespace regie;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The zone name must be plausible (letters, digits, '/'): the descriptor number is.
  auto fd = fuzz::input_fd("zone", data, size);
  auto zone = schedule::TimeZone::load(std::to_string(fd), "/proc/self/fd");
  if (!zone) {
    if (zone.error().message.empty()) std::abort();
    return 0;
  }
  // 1900, 1970, a summer's day in 2019, 2038 and 2100.
  for (std::int64_t t : {-2'208'988'800LL, 0LL, 1'561'939'200LL, 2'147'483'648LL, 4'102'444'800LL}) {
    (void)zone->offset_at(t);
    auto local = zone->to_local(t);
    if (local.minute < 0 || local.minute > 1439) std::abort();
    (void)zone->to_utc(local);
    (void)schedule::format_local_time(local);
  }
  return 0;
}
