// Structured logging: one JSON object per line on standard error. Callers pass
// event names and fields, never personal data, passwords, tokens or BSNs.
#pragma once
#include <string>
#include <string_view>

namespace regie::log {

// Sets up the process-wide logger; level is "debug", "info", "warn" or "error".
void init(std::string_view level);
void info(std::string_view event, std::string_view fields_json = "{}");
void warn(std::string_view event, std::string_view fields_json = "{}");
void error(std::string_view event, std::string_view fields_json = "{}");

}  // namespace regie::log
