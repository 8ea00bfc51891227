// The whole request path: arbitrary bytes as one HTTP request (request
// line, headers, body, chunking, bad framing) on a fresh connection to a
// real Regie server inside this process, over a seeded SQLite store. The
// placeholders {{dir}}, {{admin}}, {{analyst}} and {{lead}} become the
// cookie and CSRF headers of signed-in users, so routes behind sign-in are
// reached (see support.h). After each input the server must still answer
// /healthz; a crash, a hang or a dead server is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "answers.h"
#include "support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto& harness = regie::fuzz::RequestHarness::get();
  auto request = harness.expand({reinterpret_cast<const char*>(data), size});
  auto answer = harness.exchange(request);
  regie::fuzz::check_answer(request, answer);
  harness.after_input();
  return 0;
}
