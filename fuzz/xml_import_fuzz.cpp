// An iJw/iWmo message as `regie import` and the upload read it: whatever the
// bytes, parsing either refuses with a message or yields a message whose
// allocations and declarations hold what the importer relies on.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "interop/istandaard.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view xml(reinterpret_cast<const char*>(data), size);
  for (auto standard : {regie::interop::Standard::ijw, regie::interop::Standard::iwmo}) {
    (void)regie::interop::peek_kind(xml, standard);
    auto m = regie::interop::parse_message(xml, standard);
    if (!m && m.error().message.empty()) std::abort();  // a refusal always says why
  }
  return 0;
}
