// Pairs each person's T1 and T2 score per item and counts the direction of change.
#include "analytics/outcomes.h"

#include <fmt/format.h>

#include <map>
#include <optional>
#include <tuple>

#include "common/csv.h"
#include "common/money.h"
#include "common/problems.h"

namespace regie::analytics {
namespace {
constexpr int kScoreDecimals = 6;  // scores are compared exactly as decimals
struct Scores {
  std::optional<std::int64_t> t1, t2;
  long t1_line = 0, t2_line = 0;
};
using ScoreMap =
    std::map<std::pair<std::string, std::string>, std::map<std::pair<std::string, std::string>, Scores>>;

// (instrument, item) -> person -> T1/T2 score, compared into the report table.
// The map's order is the contract's: instrument, then item.
Table outcome_table(const ScoreMap& data, bool with_mean_change) {
  Table t;
  t.columns = {"instrument", "item", "improved", "same", "declined", "persons"};
  t.numeric = {false, false, true, true, true, true};
  if (with_mean_change) {
    t.columns.push_back("mean_change");
    t.numeric.push_back(true);
  }
  for (auto& [key, persons] : data) {
    int up = 0, same = 0, down = 0;
    std::int64_t change = 0;
    for (auto& [who, s] : persons) {
      if (!s.t1 || !s.t2) continue;
      change += *s.t2 - *s.t1;
      if (*s.t2 > *s.t1)
        ++up;
      else if (*s.t2 == *s.t1)
        ++same;
      else
        ++down;
    }
    int n = up + same + down;
    std::vector<std::string> row{key.first, key.second, fmt::format("{}", up), fmt::format("{}", same),
                                 fmt::format("{}", down), fmt::format("{}", n)};
    if (with_mean_change) {
      // Two decimals, rounded half away from zero on the exact mean.
      constexpr std::int64_t kScale = 10000;  // scores carry 6 decimals, the mean shows 2
      row.push_back(n == 0 ? "" : format_fixed(div_round(change, n * kScale), 2, false));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}
}  // namespace

Table outcomes_from_scores(const std::vector<PersonScore>& scores) {
  ScoreMap data;
  for (auto& s : scores) {
    if (s.moment != "T1" && s.moment != "T2") continue;
    auto& slot = data[{s.instrument, s.item}][{s.household_id, s.person_id}];
    (s.moment == "T1" ? slot.t1 : slot.t2) = s.score_millionths;
  }
  return outcome_table(data, true);
}

Result<Table> outcomes_from_csv(const std::string& path) {
  auto opened = CsvReader::open(path);
  if (!opened) return opened.error();
  auto& r = **opened;
  auto cols = r.require_columns({"household_id", "person_id", "instrument", "item", "moment", "score"});
  if (!cols) return cols.error();
  const int c_hh = (*cols)[0], c_person = (*cols)[1], c_instr = (*cols)[2], c_item = (*cols)[3],
            c_moment = (*cols)[4], c_score = (*cols)[5];
  // (instrument, item) -> (household, person) -> scores
  ScoreMap data;
  ProblemList problems;
  while (r.next()) {
    std::string instrument(r.field(c_instr)), item(r.field(c_item)), moment(r.field(c_moment));
    std::string person(r.field(c_person));
    if (person.empty()) problems.add(r.where(c_person) + ": empty person id");
    if (instrument.empty()) problems.add(r.where(c_instr) + ": empty instrument");
    if (item.empty()) problems.add(r.where(c_item) + ": empty item");
    if (moment.empty() || moment[0] != 'T')
      problems.add(r.where(c_moment) + fmt::format(": a moment is T1, T2, ... , not '{}'", moment));
    auto score = parse_fixed(r.field(c_score), kScoreDecimals);
    if (!score) {
      problems.add(r.where(c_score) + fmt::format(": not a number: '{}'", r.field(c_score)));
      continue;
    }
    if (moment != "T1" && moment != "T2") continue;  // later moments are not part of this comparison
    auto& s = data[{instrument, item}][{std::string(r.field(c_hh)), person}];
    auto& slot = moment == "T1" ? s.t1 : s.t2;
    auto& line = moment == "T1" ? s.t1_line : s.t2_line;
    if (slot) {
      problems.add(fmt::format("{}:{}: person '{}' has a second {} score for {}/{} (first on line {})", r.path(),
                               r.line(), person, moment, instrument, item, line));
      continue;
    }
    slot = *score;
    line = r.line();
  }
  if (r.error()) problems.add(r.error()->message);
  if (!problems.empty()) return problems.error();

  return outcome_table(data, false);
}

}  // namespace regie::analytics
