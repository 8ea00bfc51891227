// Outcome comparison of report table 2: per instrument item, how many persons
// scored higher, the same or lower at T2 than at T1.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "analytics/table.h"
#include "common/result.h"

namespace regie::analytics {

// Reads responses.csv and compares T1 with T2. Only persons with both moments
// count. Two lines for one person, item and moment are an input error.
Result<Table> outcomes_from_csv(const std::string& path);

// One person's score on one item at one moment, in millionths (a Positive
// Health dimension score of 6.4 is 6'400'000).
struct PersonScore {
  std::string household_id, person_id, instrument, item, moment;
  std::int64_t score_millionths = 0;
};

// The same comparison over scores from the store, with a last column
// `mean_change`: the mean of T2 - T1 over the persons counted, two decimals.
Table outcomes_from_scores(const std::vector<PersonScore>& scores);

}  // namespace regie::analytics
