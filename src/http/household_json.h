// JSON renderers of the household area, shared by its routes: the list
// row, the whole file (members, care map, costs, signals, timeline).
#pragma once
#include <nlohmann/json.hpp>

#include "service/households.h"

namespace regie::http {

using nlohmann::json;

json household_summary_json(const store::HouseholdSummary& s);
// The intervention's span (status_history.h) as {start, end, days, status,
// status_since, days_in_status}, or null when the history does not say.
json intervention_json(const std::optional<domain::InterventionSpan>& span);
// "none", "due" or "overdue".
std::string t2_reminder_name(domain::T2Reminder r);
json household_detail_json(const service::HouseholdDetail& d);

}  // namespace regie::http
