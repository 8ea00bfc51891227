// Periods and spans of a household's status history; see status_history.h.
#include "domain/status_history.h"

#include <algorithm>

namespace regie::domain {
namespace {

bool ends_file(HouseholdStatus s) { return s == HouseholdStatus::closed || s == HouseholdStatus::dropped; }

std::vector<StatusChange> in_order(std::vector<StatusChange> h) {
  std::stable_sort(h.begin(), h.end(), [](const StatusChange& a, const StatusChange& b) { return a.on < b.on; });
  return h;
}

// The place of a status on the way referred -> intake -> active; the statuses
// after active (aftercare, closed) imply it, dropped implies nothing.
int rank(HouseholdStatus s) {
  switch (s) {
    case HouseholdStatus::referred: return 0;
    case HouseholdStatus::intake: return 1;
    case HouseholdStatus::active:
    case HouseholdStatus::aftercare:
    case HouseholdStatus::closed: return 2;
    case HouseholdStatus::dropped: return -1;
  }
  return -1;
}

}  // namespace

std::vector<StatusPeriod> status_periods(const std::vector<StatusChange>& history, Date today) {
  const auto h = in_order(history);
  std::vector<StatusPeriod> out;
  for (std::size_t i = 0; i < h.size(); ++i) {
    StatusPeriod p{h[i].status, h[i].on, std::nullopt, 0};
    if (i + 1 < h.size()) {
      p.to = h[i + 1].on;
      p.days = h[i + 1].on.days - h[i].on.days;
    } else if (!ends_file(h[i].status)) {
      p.days = std::max<std::int64_t>(0, today.days - h[i].on.days);
    }
    out.push_back(p);
  }
  return out;
}

std::optional<InterventionSpan> intervention_span(const std::vector<StatusChange>& history, Date today) {
  if (history.empty()) return std::nullopt;
  const auto h = in_order(history);
  InterventionSpan s;
  s.start = h.front().on;
  s.status = h.back().status;
  s.status_since = h.back().on;
  const Date until = ends_file(s.status) ? s.status_since : std::max(today, s.status_since);
  if (ends_file(s.status)) s.end = s.status_since;
  s.days = std::max<std::int64_t>(0, until.days - s.start.days);
  s.days_in_status = ends_file(s.status) ? 0 : std::max<std::int64_t>(0, today.days - s.status_since.days);
  return s;
}

bool reached(const std::vector<StatusChange>& history, HouseholdStatus current, HouseholdStatus stage) {
  const int want = rank(stage);
  if (rank(current) >= want) return true;
  for (auto& c : history)
    if (rank(c.status) >= want) return true;
  return false;
}

}  // namespace regie::domain
