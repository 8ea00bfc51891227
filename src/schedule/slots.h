// The round-table slot finder: the earliest moment at which every required
// participant is available for the whole meeting, within a search window.
// Everything here is in UTC instants (Unix seconds); callers convert stated
// local availability with schedule/zone.h first, so daylight-saving changes
// are settled before the search. Pure and thread-safe.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace regie::schedule {

// Half-open [start, end) in Unix seconds.
struct Interval {
  std::int64_t start = 0, end = 0;
};

struct SlotParticipant {
  std::string id;
  bool required = true;
  std::vector<Interval> available;  // may overlap and be unsorted
};

struct SlotQuery {
  Interval window;               // the meeting must lie inside it
  std::int64_t duration = 3600;  // seconds, > 0
  std::int64_t step = 15 * 60;   // start times fall on multiples of this (UTC), > 0
  std::vector<SlotParticipant> participants;
};

struct Slot {
  Interval meeting;
  std::vector<std::string> optional_available;  // optional participants free for the whole meeting
  std::vector<std::string> optional_missing;
};

// The merged availability of one participant, clipped to `window`, sorted and
// without overlaps (touching intervals are joined).
std::vector<Interval> normalise(std::vector<Interval> available, Interval window);
// The intersection of two normalised lists.
std::vector<Interval> intersect(const std::vector<Interval>& a, const std::vector<Interval>& b);

// The earliest slot that suits every required participant, or nullopt when
// none exists in the window. With no required participant the answer is
// nullopt too: someone has to be there (the caller says so to the user).
std::optional<Slot> earliest_slot(const SlotQuery& q);

}  // namespace regie::schedule
