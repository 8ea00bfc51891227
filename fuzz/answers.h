// Checks on the server's answer that every request target applies.
#pragma once
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

namespace regie::fuzz {

// Every answer is HTTP or nothing (a connection closed on bad framing).
// A 500 is noted on standard error (first few distinct request lines), as
// an input the server did not handle; REGIE_FUZZ_500_IS_CRASH=1 makes it a
// finding with a reproducer instead.
inline void check_answer(std::string_view request, std::string_view answer) {
  if (answer.empty()) return;
  if (!answer.starts_with("HTTP/1.1 ")) {
    std::fprintf(stderr, "fuzz: an answer that is not HTTP: %.80s\n", std::string(answer).c_str());
    std::abort();
  }
  if (!answer.substr(9).starts_with("500")) return;
  static const bool fatal = [] {
    const char* v = std::getenv("REGIE_FUZZ_500_IS_CRASH");
    return v && std::string_view(v) == "1";
  }();
  auto line = request.substr(0, std::min(request.find('\n'), std::size_t{160}));
  static std::set<std::string> seen;
  if (seen.size() < 20 && seen.insert(std::string(line)).second)
    std::fprintf(stderr, "fuzz: 500 for %s\n", std::string(line).c_str());
  if (fatal) std::abort();
}

}  // namespace regie::fuzz
