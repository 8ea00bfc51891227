// The readers under test take a path, not bytes; an anonymous in-memory file
// per name hands them the fuzzer's input without touching the disk, so that
// an hours-long run neither wears the disk nor leaves files behind.
#pragma once
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace regie::fuzz {

// The descriptor of the in-memory file `name`, holding exactly `size` bytes of `data`.
inline int input_fd(const std::string& name, const std::uint8_t* data, std::size_t size) {
  static std::map<std::string, int> fds;
  auto [it, fresh] = fds.try_emplace(name, -1);
  if (fresh) it->second = memfd_create(name.c_str(), 0);
  const int fd = it->second;
  // Without its input file a target would silently test nothing.
  if (fd < 0 || ftruncate(fd, 0) != 0) std::abort();
  if (size && pwrite(fd, data, size, 0) != static_cast<ssize_t>(size)) std::abort();
  return fd;
}

// A path that opens the in-memory file `name` with the given contents.
inline std::string input_file(const std::string& name, const std::uint8_t* data, std::size_t size) {
  return "/proc/self/fd/" + std::to_string(input_fd(name, data, size));
}

// Splits one input into two at the first "\n====\n" line, so that a target
// can feed two files (households and allocations) from one input.
inline std::pair<std::string_view, std::string_view> split_two(std::string_view text) {
  constexpr std::string_view mark = "\n====\n";
  auto at = text.find(mark);
  if (at == std::string_view::npos) return {text, {}};
  return {text.substr(0, at + 1), text.substr(at + mark.size())};
}

inline const std::uint8_t* bytes(std::string_view s) { return reinterpret_cast<const std::uint8_t*>(s.data()); }

}  // namespace regie::fuzz
