// Measurements and wishes for change, on the store's connection and transactions.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "domain/questionnaire.h"
#include "store/store.h"

namespace regie::store {

class MeasurementStore {
 public:
  explicit MeasurementStore(Store& store) : store_(store) {}

  // A second measurement of one member, instrument and moment is a conflict.
  Result<std::int64_t> add(const domain::Measurement& m);
  // Several measurements in one transaction: all stored or none.
  Status add_all(const std::vector<domain::Measurement>& ms);
  std::optional<domain::Measurement> get(std::int64_t id);
  std::vector<domain::Measurement> of_household(const std::string& household_id);
  // Measurements of these households (all when empty), for outcome reports.
  std::vector<domain::Measurement> of_households(const std::vector<std::string>& household_ids);
  // Writes answers (nullopt clears one) and the completed flag if the stored
  // version is still `version`; returns the new version. A stale version is a
  // conflict naming the current one.
  Result<int> save_answers(std::int64_t id, int version,
                           const std::map<std::string, std::optional<std::int64_t>>& answers, bool complete);
  Status remove(std::int64_t id, int version);

  Result<std::int64_t> add_wish(const domain::Wish& w);
  std::optional<domain::Wish> wish(std::int64_t id);
  std::vector<domain::Wish> wishes(const std::string& household_id);
  Result<int> update_wish(std::int64_t id, int version, const std::string& dimension, const std::string& text);

  // Every answer of every measurement of a household, one record per item,
  // by member, instrument, moment and item (the FHIR export lists them).
  struct Answer {
    std::string member_id, instrument, moment, measured_on, item;
    std::optional<std::int64_t> score_milli;
  };
  std::vector<Answer> answers(const std::string& household_id);

 private:
  Store& store_;
};

}  // namespace regie::store
