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
}  // namespace

Result<Table> outcomes_from_csv(const std::string& path) {
  auto opened = CsvReader::open(path);
  if (!opened) return opened.error();
  auto& r = **opened;
  auto cols = r.require_columns({"household_id", "person_id", "instrument", "item", "moment", "score"});
  if (!cols) return cols.error();
  const int c_hh = (*cols)[0], c_person = (*cols)[1], c_instr = (*cols)[2], c_item = (*cols)[3],
            c_moment = (*cols)[4], c_score = (*cols)[5];
  // (instrument, item) -> (household, person) -> scores
  std::map<std::pair<std::string, std::string>, std::map<std::pair<std::string, std::string>, Scores>> data;
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

  Table t;
  t.columns = {"instrument", "item", "improved", "same", "declined", "persons"};
  t.numeric = {false, false, true, true, true, true};
  for (auto& [key, persons] : data) {
    int up = 0, same = 0, down = 0;
    for (auto& [who, s] : persons) {
      if (!s.t1 || !s.t2) continue;
      if (*s.t2 > *s.t1)
        ++up;
      else if (*s.t2 == *s.t1)
        ++same;
      else
        ++down;
    }
    t.rows.push_back({key.first, key.second, fmt::format("{}", up), fmt::format("{}", same),
                      fmt::format("{}", down), fmt::format("{}", up + same + down)});
  }
  return t;
}

}  // namespace regie::analytics
