// Plan goals, party references and decision effects as the store reads them
// back from its JSON columns (and the plan routes read them from bodies).
// Whatever is accepted must survive the round trip the store makes: written
// out, read back, the same document. Otherwise a saved plan could not be opened.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "domain/plan_json.h"

using namespace regie;
using nlohmann::json;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) return 0;

  if (auto goals = domain::goals_from_json(j)) {
    json out = domain::goals_to_json(*goals);
    auto again = domain::goals_from_json(json::parse(out.dump()));
    if (!again || domain::goals_to_json(*again) != out) std::abort();
  } else if (goals.error().message.empty()) {
    std::abort();
  }

  if (auto party = domain::party_from_json(j, "party")) {
    json out = domain::to_json(*party);
    auto again = domain::party_from_json(out, "party");
    if (!again || domain::to_json(*again) != out) std::abort();
  }

  auto effect = domain::effect_from_json(j);
  json out = domain::effect_to_json(effect);
  if (domain::effect_from_json(out) != effect) std::abort();
  (void)out.dump();
  return 0;
}
