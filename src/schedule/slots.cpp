// Earliest common slot: merge each required participant's availability,
// intersect the lists, and take the first step-aligned start that fits.
#include "schedule/slots.h"

#include <algorithm>

namespace regie::schedule {
namespace {

std::int64_t ceil_to(std::int64_t t, std::int64_t step) {
  std::int64_t r = t % step;
  if (r < 0) r += step;
  return r == 0 ? t : t + (step - r);
}

bool covers(const std::vector<Interval>& free, Interval m) {
  for (auto& i : free)
    if (i.start <= m.start && m.end <= i.end) return true;
  return false;
}

}  // namespace

std::vector<Interval> normalise(std::vector<Interval> available, Interval window) {
  std::vector<Interval> clipped;
  for (auto i : available) {
    i.start = std::max(i.start, window.start);
    i.end = std::min(i.end, window.end);
    if (i.start < i.end) clipped.push_back(i);
  }
  std::sort(clipped.begin(), clipped.end(), [](const Interval& a, const Interval& b) { return a.start < b.start; });
  std::vector<Interval> out;
  for (auto& i : clipped) {
    if (!out.empty() && i.start <= out.back().end)
      out.back().end = std::max(out.back().end, i.end);
    else
      out.push_back(i);
  }
  return out;
}

std::vector<Interval> intersect(const std::vector<Interval>& a, const std::vector<Interval>& b) {
  std::vector<Interval> out;
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    std::int64_t s = std::max(a[i].start, b[j].start), e = std::min(a[i].end, b[j].end);
    if (s < e) out.push_back({s, e});
    if (a[i].end < b[j].end)
      ++i;
    else
      ++j;
  }
  return out;
}

std::optional<Slot> earliest_slot(const SlotQuery& q) {
  if (q.duration <= 0 || q.step <= 0 || q.window.end <= q.window.start) return std::nullopt;
  std::optional<std::vector<Interval>> common;
  for (auto& p : q.participants) {
    if (!p.required) continue;
    auto mine = normalise(p.available, q.window);
    common = common ? intersect(*common, mine) : mine;
  }
  if (!common) return std::nullopt;
  for (auto& i : *common) {
    std::int64_t start = ceil_to(i.start, q.step);
    if (start + q.duration > i.end) continue;
    Slot slot{{start, start + q.duration}, {}, {}};
    for (auto& p : q.participants) {
      if (p.required) continue;
      (covers(normalise(p.available, q.window), slot.meeting) ? slot.optional_available : slot.optional_missing)
          .push_back(p.id);
    }
    return slot;
  }
  return std::nullopt;
}

}  // namespace regie::schedule
