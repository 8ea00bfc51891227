// Every query string the API reads, through the real server: the input names
// a GET (or DELETE) route on its first line (e.g. "audit"; or its first byte
// picks one) and the rest is the query, made safe for the request line (see
// request_line_safe) so that arbitrary bytes reach the decoded parameter
// values: format, year, date, threshold, households, director, before,
// limit, include_bsn, version, from, to, person, subject.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "answers.h"
#include "support.h"

namespace {

struct Route {
  std::string_view name, method, path, role;
};

constexpr Route kRoutes[] = {
    {"audit", "GET", "/api/v1/audit", "admin"},
    {"export", "GET", "/api/v1/households/H1/$export", "dir"},
    {"household", "GET", "/api/v1/households/H1", "dir"},
    {"households", "GET", "/api/v1/households", "dir"},
    {"caseload", "GET", "/api/v1/caseload", "lead"},
    {"outcomes", "GET", "/api/v1/outcomes", "analyst"},
    {"outcomes.director", "GET", "/api/v1/outcomes", "dir"},
    {"household.outcomes", "GET", "/api/v1/households/H1/outcomes", "dir"},
    {"measurement.delete", "DELETE", "/api/v1/households/H1/measurements/1", "dir"},
    {"person.export", "GET", "/api/v1/people/H1-M1/export", "dir"},
    {"file_views", "GET", "/api/v1/me/file-views", "dir"},
    {"pareto", "GET", "/api/v1/analytics/pareto", "analyst"},
    {"stacking", "GET", "/api/v1/analytics/stacking", "analyst"},
    {"providers", "GET", "/api/v1/analytics/providers", "analyst"},
    {"targets", "GET", "/api/v1/analytics/targets", "analyst"},
    {"stacking_by_neighbourhood", "GET", "/api/v1/analytics/stacking-by-neighbourhood", "analyst"},
    {"potential", "GET", "/api/v1/analytics/potential", "analyst"},
    {"businesscase", "GET", "/api/v1/businesscase", "analyst"},
    {"businesscase.director", "GET", "/api/v1/businesscase", "dir"},
    {"price_list", "GET", "/api/v1/price-list", "dir"},
    {"time_entries", "GET", "/api/v1/time-entries", "dir"},
    {"round_table.slot", "GET", "/api/v1/households/H1/round-tables/1/slot", "dir"},
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const Route* route = nullptr;
  std::string_view query;
  auto eol = input.find('\n');
  if (eol != std::string_view::npos)
    for (auto& r : kRoutes)
      if (input.substr(0, eol) == r.name) route = &r, query = input.substr(eol + 1);
  if (!route) route = &kRoutes[data[0] % std::size(kRoutes)], query = input.substr(1);

  auto& harness = regie::fuzz::RequestHarness::get();
  std::string request = std::string(route->method) + " " + std::string(route->path) + "?" +
                        regie::fuzz::request_line_safe(query) + " HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n" +
                        harness.headers_of(route->role) + "\r\n\r\n";
  auto answer = harness.exchange(request);
  regie::fuzz::check_answer(request, answer);
  harness.after_input();
  return 0;
}
