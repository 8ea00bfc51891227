// Questionnaires as data: an instrument is a set of items with a range, grouped
// into dimensions, and a rule that turns answers into scores. Answers are whole
// numbers; a missing answer stays missing and is left out of every mean.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/result.h"

namespace regie::domain {

struct Choice {
  int value = 0;
  std::string label;
};

struct QuestionItem {
  std::string key;
  std::string label;
  int min = 0, max = 0;
  std::vector<Choice> choices;  // empty for a numeric scale
};

struct QuestionGroup {
  std::string key;    // a dimension key when the instrument scores per group
  std::string label;
  std::vector<QuestionItem> items;
};

enum class Scoring { group_mean, item };

struct Instrument {
  std::string key;  // FHIR Questionnaire.name
  std::string url;
  std::string version;
  std::string title;
  std::string audience;  // adult, child or all
  Scoring scoring = Scoring::item;
  std::vector<QuestionGroup> groups;

  const QuestionItem* item(const std::string& key) const;
  // The score keys with their labels: the groups (group_mean) or the items (item).
  std::vector<std::pair<std::string, std::string>> score_keys() const;
  std::size_t item_count() const;
};

// Item key -> answer. Absent means missing.
using Answers = std::map<std::string, int>;

// One score per score key, in tenths (a mean has one decimal, rounded half away
// from zero); nullopt when none of its items is answered.
std::map<std::string, std::optional<std::int64_t>> score_tenths(const Instrument& instrument, const Answers& answers);

// The items with no answer, in the instrument's order.
std::vector<std::string> missing_items(const Instrument& instrument, const Answers& answers);

// Checks answers (null = clear) against the instrument: unknown items and values
// outside an item's range or choices are errors, all named in one message.
Status check_answers(const Instrument& instrument, const std::map<std::string, std::optional<std::int64_t>>& answers);

// The ICECAP-A capability index from a tariff (attribute -> level -> value in
// millionths). nullopt when the tariff is missing or an attribute is unanswered.
using Tariff = std::map<std::string, std::map<int, std::int64_t>>;
std::optional<std::int64_t> capability_index_millionths(const Instrument& instrument, const Answers& answers,
                                                         const Tariff& tariff);

// One member's answers to one instrument at one moment (T1, T2, ...).
struct Measurement {
  std::int64_t id = 0;
  std::string household_id, member_id;
  std::string instrument, instrument_version;
  std::string moment;
  Date measured_on;
  std::string filled_by;  // member, with_director or proxy
  bool completed = false;
  std::string recorded_by;
  int version = 1;
  Answers answers;
};

bool is_moment(const std::string& s);     // T1 .. T99
bool is_filled_by(const std::string& s);  // member, with_director, proxy

// A member's wish for change (veranderwens), linked to a spider-web dimension.
struct Wish {
  std::int64_t id = 0;
  std::string household_id, member_id;
  std::string dimension;
  std::string text;
  std::string created_by, created_at;
  int version = 1;
};

}  // namespace regie::domain
