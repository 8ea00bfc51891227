// responses.csv as `regie outcomes` reads it: refused with a message, or a
// table of improved / same / declined counts that renders as CSV and JSON.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "analytics/outcomes.h"
#include "input_file.h"

using namespace regie;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto table = analytics::outcomes_from_csv(fuzz::input_file("responses.csv", data, size));
  if (!table) {
    if (table.error().message.empty()) std::abort();
    return 0;
  }
  for (auto& row : table->rows)
    if (row.size() != table->columns.size()) std::abort();
  (void)analytics::to_csv(*table);
  (void)analytics::to_json(*table);
  return 0;
}
