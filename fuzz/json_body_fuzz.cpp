// An API request body as the provision routes read it: parse, refuse or
// accept, then check every field. Nothing may crash, and an accepted
// provision must satisfy what the store relies on.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "http/bodies.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto body = regie::http::parse_object(text);
  if (!body) return 0;
  (void)regie::http::string_field(*body, "status");
  (void)regie::http::integer_field(*body, "version");
  auto p = regie::http::provision_from_json(*body, "H1");
  if (p) {
    // Invariants the store's CHECK constraints also enforce.
    if (p->annual_cost < 0 || p->hours_per_week_centi < 0) std::abort();
    if (p->end && *p->end < p->start) std::abort();
    // Answers are dumped as JSON: that must not throw on what was accepted.
    (void)body->dump();
  }
  return 0;
}
