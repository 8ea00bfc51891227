// JSON renderers of the household area, shared by its routes: the list
// row, the whole file (members, care map, costs, signals, timeline).
#pragma once
#include <nlohmann/json.hpp>

#include "service/households.h"

namespace regie::http {

using nlohmann::json;

json household_summary_json(const store::HouseholdSummary& s);
json household_detail_json(const service::HouseholdDetail& d);

}  // namespace regie::http
