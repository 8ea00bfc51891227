// Request bodies as the API reads them: JSON objects with checked fields.
// Kept apart from the HTTP server so the fuzz targets (fuzz/) can drive the
// same code without a socket.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <nlohmann/json.hpp>

#include "common/problems.h"
#include "common/result.h"
#include "domain/model.h"

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

// Reads several string fields of one body and collects every problem, so that
// one answer names all the wrong fields at once.
class FieldReader {
 public:
  explicit FieldReader(const json& body) : body_(body) {}
  // The field's text; empty (and the problem noted) when it is wrong or missing.
  std::string text(const char* name, bool required) {
    auto v = string_field(body_, name, required);
    if (!v) problems_.add(v.error().message);
    return v ? *v : std::string();
  }
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
