// Request bodies as the API reads them: JSON objects with checked fields.
// Kept apart from the HTTP server so the fuzz targets (fuzz/) can drive the
// same code without a socket.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <optional>
#include <type_traits>
#include <nlohmann/json.hpp>

#include "common/date.h"
#include "common/problems.h"
#include "common/result.h"
#include "domain/provision.h"

namespace regie::http {

using nlohmann::json;

// Deeper nesting is refused before parsing: no API body needs more, and the
// JSON library's recursion (destruction, dump) must not meet an attacker's depth.
inline constexpr int kMaxJsonDepth = 32;

// Parses a JSON object. Refuses (invalid_input, saying why) anything else:
// malformed JSON, invalid UTF-8, nesting deeper than kMaxJsonDepth, a
// non-object top level.
Result<json> parse_object(std::string_view text);
// A string member; absent or null is an error when required, else "".
Result<std::string> string_field(const json& body, const char* name, bool required = true);

// Reads the fields of one body and collects every problem, so that one
// answer names all the wrong fields at once. A wrong or missing field reads
// as an empty value and its problem is noted; check ok() before using them.
class FieldReader {
 public:
  explicit FieldReader(const json& body) : body_(body) {}
  // A string field; absent or null is a problem when required, else "".
  std::string text(const char* name, bool required = true);
  // A required whole number, within [min, max] ("name: between min and max").
  std::int64_t integer(const char* name);
  std::int64_t integer(const char* name, std::int64_t min, std::int64_t max);
  // A whole number that may be absent (then `fallback`).
  std::int64_t integer_or(const char* name, std::int64_t fallback);
  // A date (yyyy-mm-dd); required, or absent/empty as nullopt.
  Date date(const char* name);
  std::optional<Date> optional_date(const char* name);
  // A required code parsed by `parse` (a domain::parse_* function); a wrong
  // one is named with `allowed`, e.g. "kind: direct, indirect or travel".
  template <class Parse>
  auto choice(const char* name, Parse parse, const char* allowed) -> std::remove_cvref_t<decltype(*parse(""))> {
    const auto before = problems_.count();
    auto v = text(name, true);
    if (problems_.count() != before) return {};
    auto parsed = parse(v);
    if (!parsed) {
      problems_.add(std::string(name) + ": " + allowed);
      return {};
    }
    return *parsed;
  }
  // A problem found outside the reader, for the same answer.
  void add(std::string problem) { problems_.add(std::move(problem)); }
  bool ok() const { return problems_.empty(); }
  Error error() const { return problems_.error(); }
  ProblemList& problems() { return problems_; }

 private:
  const json& body_;
  ProblemList problems_;
};
Result<std::int64_t> integer_field(const json& body, const char* name);
// A provision of `household_id` from a create or edit body; every field is
// checked and every problem named (one line each).
Result<domain::Provision> provision_from_json(const json& body, const std::string& household_id);

}  // namespace regie::http
