// Use cases around measurements (Positive Health, ICECAP-A, the general
// questions), wishes for change and outcome reports. Only the household's
// assigned director reads or writes a household's measurements; every access
// is audited. Outcome reports over many households are counts without names.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>

#include "analytics/outcomes.h"
#include "analytics/table.h"
#include "common/clock.h"
#include "common/result.h"
#include "domain/questionnaire.h"
#include "interop/questionnaire.h"
#include "service/audit.h"
#include "service/auth.h"
#include "store/measurement_store.h"

namespace regie::service {

struct MeasurementView {
  domain::Measurement measurement;
  std::map<std::string, std::optional<std::int64_t>> score_tenths;
  std::vector<std::string> missing;
  std::optional<std::int64_t> index_millionths;  // ICECAP-A with a tariff only
};

struct NewMeasurement {
  std::string member_id, instrument, instrument_version, moment, filled_by;
  std::optional<Date> measured_on;  // default: today
};

struct AnswerUpdate {
  int version = 0;
  std::string instrument_version;
  std::map<std::string, std::optional<std::int64_t>> answers;  // nullopt clears
  bool complete = false;
};

class Measurements {
 public:
  Measurements(store::Store& store, const Clock& clock, std::shared_ptr<const interop::Instruments> instruments)
      : store_(store), measurements_(store), clock_(clock), instruments_(std::move(instruments)) {}

  const interop::Instruments& instruments() const { return *instruments_; }

  Result<std::vector<MeasurementView>> list(const Principal& who, const std::string& household_id);
  Result<MeasurementView> get(const Principal& who, const std::string& household_id, std::int64_t id);
  Result<MeasurementView> start(const Principal& who, const std::string& household_id, const NewMeasurement& m);
  Result<MeasurementView> save(const Principal& who, const std::string& household_id, std::int64_t id,
                               const AnswerUpdate& update);
  Status remove(const Principal& who, const std::string& household_id, std::int64_t id, int version);
  Result<nlohmann::json> questionnaire_response(const Principal& who, const std::string& household_id,
                                                std::int64_t id);

  Result<std::vector<domain::Wish>> wishes(const Principal& who, const std::string& household_id);
  Result<domain::Wish> add_wish(const Principal& who, const std::string& household_id, const domain::Wish& w);
  Result<domain::Wish> update_wish(const Principal& who, const std::string& household_id, std::int64_t id,
                                   int version, const std::string& dimension, const std::string& text);

  // Improved / same / declined per instrument item between T1 and T2, with the
  // mean change. A director: the named households, which must all be theirs
  // (default: all of theirs). An analyst, team lead or administrator: any set,
  // counts only.
  Result<analytics::Table> outcomes(const Principal& who, const std::vector<std::string>& household_ids);

  // Scores and missing items of a measurement; no access check (the caller's).
  MeasurementView view(const domain::Measurement& m) const;

 private:
  // `record`: the measurement or wish and its member, when the request is about one member's.
  bool allowed(const Principal& who, const std::string& household_id, const std::string& action,
               const AccessedRecord& record = {});
  // The measurement of this household, checked and recorded under `action` (see the definition).
  Result<domain::Measurement> owned(const Principal& who, const std::string& household_id, std::int64_t id,
                                    const std::string& action);
  Status check_dimension(const std::string& dimension) const;

  store::Store& store_;
  store::MeasurementStore measurements_;
  const Clock& clock_;
  std::shared_ptr<const interop::Instruments> instruments_;
};

// Reads completed measurements from a CSV file
// (`household_id,member_id,instrument,moment,measured_on,item,value`) and
// stores them all or none; errors name the line and field. Used for the demo.
Status import_measurements_csv(store::Store& store, const interop::Instruments& instruments, const std::string& path,
                               const std::string& recorded_by);

// Scores of stored measurements in the form the outcome comparison reads.
std::vector<analytics::PersonScore> person_scores(const interop::Instruments& instruments,
                                                  const std::vector<domain::Measurement>& measurements);

}  // namespace regie::service
