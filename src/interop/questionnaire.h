// Questionnaire definitions in FHIR R4 form: reading `Questionnaire` files into
// instruments, and writing answers as a `QuestionnaireResponse`.
#pragma once
#include <map>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>

#include "common/result.h"
#include "domain/questionnaire.h"

namespace regie::interop {

// Parses one Questionnaire resource. `where` names the file in messages, which
// also give the JSON path of the problem (e.g. item[2].item[0].answerOption).
Result<domain::Instrument> instrument_from_fhir(const nlohmann::json& resource, const std::string& where);

// Replaces item labels from a `linkId,text` CSV (a licensed wording).
Status apply_texts(domain::Instrument& instrument, const std::string& csv_path);

// Reads a tariff CSV (`attribute,level,value`, value a decimal such as 0.2212).
Result<domain::Tariff> read_tariff(const std::string& csv_path, const domain::Instrument& instrument);

// Every `*.json` definition in a folder, with its `<name>.texts.csv` and
// `<name>.tariff.csv` when present. Two definitions with one key are an error.
struct Instruments {
  std::map<std::string, domain::Instrument> by_key;
  std::map<std::string, domain::Tariff> tariffs;  // by instrument key
  const domain::Instrument* find(const std::string& key) const;
};
Result<Instruments> load_instruments(const std::string& folder);

// The answers of one measurement as a QuestionnaireResponse; `subject` is a
// reference such as "Patient/BZHH01-M1".
struct ResponseInfo {
  std::string id, subject, authored, author, status;  // status: in-progress or completed
};
nlohmann::json questionnaire_response(const domain::Instrument& instrument, const domain::Answers& answers,
                                      const ResponseInfo& info);

}  // namespace regie::interop
