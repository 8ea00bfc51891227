// Outcome comparison of report table 2: per instrument item, how many persons
// scored higher, the same or lower at T2 than at T1.
#pragma once
#include <string>

#include "analytics/table.h"
#include "common/result.h"

namespace regie::analytics {

// Reads responses.csv and compares T1 with T2. Only persons with both moments
// count. Two lines for one person, item and moment are an input error.
Result<Table> outcomes_from_csv(const std::string& path);

}  // namespace regie::analytics
