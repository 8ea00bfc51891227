// spdlog sink writing JSON lines: {"ts":..,"level":..,"event":..,"fields":{..}}.
#include "common/log.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace regie::log {

void init(std::string_view level) {
  auto logger = spdlog::stderr_logger_mt("regie");
  logger->set_pattern(R"({"ts":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l",%v})", spdlog::pattern_time_type::utc);
  logger->set_level(spdlog::level::from_str(std::string(level)));
  spdlog::set_default_logger(logger);
}

namespace {
void emit(spdlog::level::level_enum lvl, std::string_view event, std::string_view fields) {
  spdlog::log(lvl, R"("event":"{}","fields":{})", event, fields);
}
}  // namespace

void info(std::string_view event, std::string_view fields) { emit(spdlog::level::info, event, fields); }
void warn(std::string_view event, std::string_view fields) { emit(spdlog::level::warn, event, fields); }
void error(std::string_view event, std::string_view fields) { emit(spdlog::level::err, event, fields); }

}  // namespace regie::log
