// What a household gets: provisions (arrangements) with their annualised cost,
// the changes to the care map and the acknowledged signals.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include "common/date.h"
#include "common/money.h"
#include "domain/funding.h"

namespace regie::domain {

// One arrangement granted to one member (or to the whole household when
// member_id is empty), with its annualised cost and the basis of that cost.
struct Provision {
  std::string id;
  std::string household_id;
  std::optional<std::string> member_id;
  Domain domain = Domain::wmo;
  std::string provider_id;
  std::optional<std::string> professional_id;
  std::string goal;
  Date start;
  std::optional<Date> end;
  std::int64_t hours_per_week_centi = 0;  // hours per week × 100
  Cents annual_cost = 0;
  CostBasis basis = CostBasis::declared;
  bool indicated = true;
  // Priced from the social price list: annual cost = price on the date × units.
  std::optional<std::string> price_code;
  std::int64_t units_per_year_centi = 0;
  bool coaching = false;  // coaching towards self-reliance (signal 6)
  int version = 1;        // optimistic concurrency: an edit names the version it read

  bool active_on(Date d) const { return start <= d && (!end || d <= *end); }
  Category category() const { return category_of(domain); }
};

struct SignalAck {
  std::int64_t id = 0;
  std::string household_id;
  std::string signal;  // code of domain::SignalCode
  std::string note;
  std::string by;
  std::string at;  // ISO 8601 UTC
  std::string by_name;  // display name of `by`, read only (empty when the account is gone)
};

struct CareMapChange {
  std::int64_t id = 0;
  std::string household_id;
  std::optional<std::string> provision_id;
  std::string by;
  std::string at;
  std::string change;  // added, edited, ended
  std::string detail;
};

// Care-map changes of one kind to one provision by one person on one day,
// taken together: a director correcting a provision five times in a morning
// is one line on the timeline, not five.
struct CareMapChangeDay {
  std::string day;  // YYYY-MM-DD (UTC)
  std::optional<std::string> provision_id;
  std::string by;
  std::string change;  // added, edited, ended
  int count = 0;
  std::string by_name;  // display name of `by` (empty when the account is gone)
};

}  // namespace regie::domain
